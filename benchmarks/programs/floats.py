# Float arithmetic: a damped spring, integrated step by step.
def simulate(steps):
    x = 1.0
    v = 0.0
    dt = 0.001
    for _ in range(steps):
        a = -4.0 * x - 0.1 * v
        v += a * dt
        x += v * dt
    return x


print(round(simulate(2000000), 6))
