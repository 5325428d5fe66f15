# There is no file system on the target.
f = open("data.txt")
print(f)
