# Lists of bools and indexing: the sieve of Eratosthenes.
def primes(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
        i += 1
    return sum(1 for k in range(n + 1) if is_prime[k])


print(primes(2000000))
