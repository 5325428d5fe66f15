# Prime sieve of Eratosthenes and related counting, twin primes, factorization.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [k for k in range(n + 1) if is_p[k]]


primes = sieve(5000)
print(len(primes), primes[:20], primes[-5:])
for limit in (10, 100, 1000, 5000):
    print(limit, sum(1 for p in primes if p <= limit))
twins = [(p, p + 2) for p, q in zip(primes, primes[1:]) if q == p + 2]
print(len(twins), twins[:6], twins[-1])
gaps = {}
for p, q in zip(primes, primes[1:]):
    gaps[q - p] = gaps.get(q - p, 0) + 1
print(sorted(gaps.items()))


def factorize(n):
    out = []
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            out.append(p)
            n //= p
    if n > 1:
        out.append(n)
    return out


for n in (2, 12, 97, 360, 1001, 65536, 999999, 2 ** 31 - 1, 600851475143, 2 ** 32 + 1):
    print(n, factorize(n))
print(sum(primes), max(q - p for p, q in zip(primes, primes[1:])))
goldbach = {}
pset = set(primes)
for even in range(4, 60, 2):
    for p in primes:
        if even - p in pset:
            goldbach[even] = (p, even - p)
            break
print(goldbach)
