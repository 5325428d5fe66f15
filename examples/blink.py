# Blink the pyboard's LEDs: the red one every half second, the blue one at
# half that rate. On the host, the LEDs are simulated (UPTC_TRACE=stderr
# shows them); under QEMU, `uptc run --board pyboard --trace-gpio` does.
import pyb

red = pyb.LED(1)
blue = pyb.LED(4)

for i in range(8):
    red.toggle()
    if i % 2 == 0:
        blue.toggle()
    pyb.delay(500)
print("blinked", 8, "times")
