# __import__ with a literal name: write an import statement instead.
mod = __import__("sys")
print(mod.argv)
