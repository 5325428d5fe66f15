# String escapes and repr() of strings with quotes, newlines, tabs, backslashes.
strs = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
        "\r\n", "bell\a", "nul\x00", "\x7f", "\x1b[0m", "é", "", " ", "\\n is not a newline"]
for s in strs:
    print(len(s), repr(s))
print(repr("a'b\"c"), repr("'"), repr('"'), repr("''"), repr("\"'"))
print("a\tb", "c\\d", 'e\'f', "g\"h")
print("multi\nline\nstring")
print("""triple "quoted" 'string'
with a second line""")
print(r"raw \n string \t with \\ backslashes", len(r"\n"))
print("\x41\x42\u0043", "\101\102", "\u00e9\u00e8", "\t|" + "|")
print(str(["a'b", 'c"d', "e\nf"]), str(("x\\y",)), {"k'": "v\t"})
print(repr("\\"), repr("\\\\"), len("\\\\"))
x = "q"
print(f"{x!r} {x!s} {'%r' % x} {repr(repr(x))}")
print("%r %s" % ("a\nb", "a\nb"))
print("tab\tsep".split("\t"), "x\ny".split("\n"), "a\\b".split("\\"))
for s in ("a\\tb", "a\tb", "x\ny", "'", '"', "\\'", "q'\""):
    print(len(s), repr(s), str(s))
lines = "first\tcol\nsecond\tcol\n"
print(repr(lines), lines.count("\t"), lines.count("\n"), lines.split("\n"))
print("%-6s|" % "\t", repr("%s" % "\\"), "\\".join(["a", "b"]))
