# eval needs a compiler at run time.
text = "1 + 2"
x = eval(text)
print(x)
