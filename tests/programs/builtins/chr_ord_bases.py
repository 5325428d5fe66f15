# chr ord hex oct bin and round-tripping through int(s, base).
print([ord(c) for c in "AZaz09 \n~"], ord("é"), ord("€"), ord("\x00"))
print(chr(65), chr(97), chr(48), repr(chr(10)), chr(233), chr(8364), repr(chr(0)), repr(chr(127)))
print("".join(chr(ord("a") + i) for i in range(26)))
print("".join(chr(ord(c) + 1) for c in "HAL"), "".join(chr((ord(c) - 97 + 13) % 26 + 97) for c in "uryyb"))
for n in (0, 1, 7, 8, 15, 16, 255, 256, -1, -255, 2 ** 31, -(2 ** 40), 10 ** 20):
    print(n, hex(n), oct(n), bin(n), int(hex(n), 16), int(oct(n), 8), int(bin(n), 2))
print(hex(True), bin(False), oct(2 ** 64))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
word = "Python"
codes = [ord(c) for c in word]
print(codes, "".join(map(chr, codes)), sum(codes), max(word), chr(max(codes)))
print(format(255, "012b"), "{:0>8}".format(bin(5)[2:]), hex(48879)[2:].upper())
