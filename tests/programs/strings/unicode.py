# Non-ASCII text: lengths in characters, slicing, case, searching, encode-free operations.
words = ["café", "naïve", "über", "Ñandú", "garçon", "señor", "résumé", "façade"]
for w in words:
    print(w, len(w), w.upper(), w.lower(), w[::-1], w[1:3], repr(w))
s = " ".join(words)
print(s, len(s))
print(s.find("über"), s.count("é"), s.replace("é", "e"), s.split("ü"))
print(sorted(words))
print([ord(c) for c in "éüñ"], chr(0xE9) + chr(0xFC) + chr(0xF1))
print("é" == "\u00e9", "\u00fc", "\xf1", "\N{LATIN SMALL LETTER E WITH ACUTE}")
print("ÉCOLE".lower(), "été".upper(), "ñ".upper(), "Ü".lower())
print("ä" < "b", "a" < "ä", max("aäb"), min(["ö", "o", "z"]))
text = "El niño comió piñata en Málaga"
vowels = "aeiouáéíóú"
print(sum(1 for c in text.lower() if c in vowels))
print([w for w in text.split() if any(ord(c) > 127 for c in w)])
print(text.upper(), text.lower(), text.upper().lower() == text.lower())
print(f"{'ñ':>4}|{'é':<3}|{'ü':^5}|", "%5s|" % "ç")
for c in "aéñ€":
    print(c, ord(c), hex(ord(c)), repr(c), c.isalpha())
print("".join(reversed("señor")), "-".join("ñü"), "é" * 3, len("é" * 3))
