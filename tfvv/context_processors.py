from tfvv.navigatie import menu_voor


def navigatie(request):
    user = getattr(request, "user", None)
    return {"menu": menu_voor(user) if user is not None else []}
