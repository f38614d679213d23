from tfvv import meldingen
from tfvv.navigatie import menu_voor


def navigatie(request):
    user = getattr(request, "user", None)
    if user is None:
        return {"menu": []}
    menu = menu_voor(user)
    # staff past the second factor see their unread meldingen in the header (one query)
    toon = bool(menu) and user.is_medewerker
    return {"menu": menu, "toon_meldingen": toon,
            "meldingen_ongelezen": meldingen.ongelezen_aantal(user) if toon else 0}
