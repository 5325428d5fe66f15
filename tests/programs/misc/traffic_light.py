# A state machine with classes: a traffic light with a pedestrian button and a fault mode.
class State:
    name = "?"
    duration = 1

    def on_tick(self, light):
        return None

    def on_button(self, light):
        return None

    def __repr__(self):
        return self.name


class Red(State):
    name = "RED"
    duration = 4

    def on_tick(self, light):
        return RedAmber() if light.elapsed >= self.duration else None


class RedAmber(State):
    name = "RED+AMBER"
    duration = 1

    def on_tick(self, light):
        return Green() if light.elapsed >= self.duration else None


class Green(State):
    name = "GREEN"
    duration = 5

    def on_tick(self, light):
        limit = 2 if light.button_pressed else self.duration
        return Amber() if light.elapsed >= limit else None

    def on_button(self, light):
        light.button_pressed = True


class Amber(State):
    name = "AMBER"
    duration = 2

    def on_tick(self, light):
        if light.elapsed >= self.duration:
            light.button_pressed = False
            return Red()
        return None


class Flashing(State):
    name = "FLASHING"

    def on_tick(self, light):
        light.lamp_on = not light.lamp_on
        return None


class TrafficLight:
    def __init__(self):
        self.state = Red()
        self.elapsed = 0
        self.button_pressed = False
        self.lamp_on = False
        self.log = []

    def transition(self, new):
        self.log.append("%s->%s" % (self.state, new))
        self.state = new
        self.elapsed = 0

    def tick(self):
        self.elapsed += 1
        new = self.state.on_tick(self)
        if new is not None:
            self.transition(new)

    def press(self):
        self.state.on_button(self)

    def fault(self):
        self.transition(Flashing())


light = TrafficLight()
events = {7: "press", 20: "press", 22: "press", 33: "fault"}
for t in range(40):
    ev = events.get(t)
    if ev == "press":
        light.press()
    elif ev == "fault":
        light.fault()
    light.tick()
    extra = " lamp=%s" % light.lamp_on if isinstance(light.state, Flashing) else ""
    print("t=%2d %-10s elapsed=%d button=%s%s%s" % (t, light.state, light.elapsed, light.button_pressed,
                                                    " event=" + ev if ev else "", extra))
print(len(light.log), light.log)
counts = {}
for entry in light.log:
    dst = entry.split("->")[1]
    counts[dst] = counts.get(dst, 0) + 1
print(counts)
