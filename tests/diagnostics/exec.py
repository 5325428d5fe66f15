# exec needs a compiler at run time.
code = "print(42)"
exec(code)
