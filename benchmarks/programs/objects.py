# Classes: attribute access and method calls.
class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v

    def step(self):
        self.x += self.v
        if self.x < 0 or self.x > 1000:
            self.v = -self.v


def run(n):
    ps = [Particle(i * 7 % 1000, i % 5 + 1) for i in range(100)]
    for _ in range(n):
        for p in ps:
            p.step()
    return sum(p.x for p in ps)


print(run(20000))
