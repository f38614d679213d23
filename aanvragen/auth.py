import hashlib

from django.contrib.auth.backends import BaseBackend
from django.db import transaction
from django.utils import timezone

from aanvragen.models import InlogLink


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InlogLinkBackend(BaseBackend):
    """Residents log in with a personal link: valid once, until it expires.

    A DigiD backend would sit beside this one and return the same account.
    """

    def authenticate(self, request, inloglink_token=None, **kwargs):
        if not inloglink_token:
            return None
        with transaction.atomic():
            link = (
                InlogLink.objects.select_for_update()
                .select_related("gebruiker")
                .filter(token_hash=hash_token(inloglink_token), gebruikt_op__isnull=True,
                        verloopt_op__gt=timezone.now())
                .first()
            )
            if link is None or not link.gebruiker.is_active:
                return None
            link.gebruikt_op = timezone.now()
            link.save(update_fields=["gebruikt_op"])
        return link.gebruiker

    def get_user(self, user_id):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(pk=user_id, is_active=True).first()
