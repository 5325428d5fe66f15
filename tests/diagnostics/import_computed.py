# __import__ of a name known only at run time cannot be resolved at build time.
name = "sy" + "s"
mod = __import__(name)
print(mod)
