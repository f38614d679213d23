from loopbaangesprekken import demo_gesprekken, demo_scholingsplannen


def laad(schrijf):
    demo_gesprekken.laad(schrijf)
    demo_scholingsplannen.laad(schrijf)
