# compile() needs a compiler at run time.
source = "a + 1"
code = compile(source, "<string>", "eval")
print(code)
