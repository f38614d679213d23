"""The rush's form filler: it must read a crispy-rendered form and fill it validly,
leaving a honeypot empty, so `make bench` keeps working while the aanmeldformulier evolves."""

import random
from datetime import date

from crispy_forms.helper import FormHelper
from django import forms
from django.template import Context, Template

from bench import formulier as fm
from bench.meten import percentielen


class Voorbeeld(forms.Form):
    """The kinds of fields the aanmeldformulier uses, plus a honeypot."""

    voornaam = forms.CharField(widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    achternaam = forms.CharField()
    geboortedatum = forms.DateField(input_formats=["%d-%m-%Y"])
    email = forms.EmailField()
    email_herhaald = forms.EmailField()
    telefoon = forms.CharField(widget=forms.TextInput(attrs={"autocomplete": "tel"}))
    postcode = forms.RegexField(regex=r"^7\d{3} ?[A-Z]{2}$")
    huisnummer = forms.IntegerField(min_value=1, widget=forms.TextInput())
    toevoeging = forms.RegexField(regex=r"^[A-Z]$", required=False)
    opleidingsniveau = forms.ChoiceField(choices=[("", "Kies"), ("mbo-2", "mbo-2"),
                                                  ("hbo", "hbo")])
    arbeidssituatie = forms.ChoiceField(choices=[("ww", "WW"), ("zzp", "zzp")],
                                        widget=forms.RadioSelect)
    scholingswens = forms.CharField(widget=forms.Textarea)
    aantal_jaren = forms.IntegerField(min_value=0, max_value=50)
    privacy_akkoord = forms.BooleanField()
    nieuwsbrief = forms.BooleanField(required=False)
    website = forms.CharField(required=False, label="Laat leeg")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        data = super().clean()
        if data.get("email") != data.get("email_herhaald"):
            raise forms.ValidationError("e-mailadressen verschillen")
        if data.get("website"):
            raise forms.ValidationError("honeypot ingevuld")
        return data


PAGINA = Template("""{% load crispy_forms_tags %}
<form method="get" action="/zoeken/"><input name="q"></form>
<form method="post" action="">
  <input type="hidden" name="csrfmiddlewaretoken" value="abc123">
  {% for veld in form %}{% if veld.name == "website" %}
  <div class="d-none" aria-hidden="true">{{ veld }}</div>
  {% else %}{{ veld|as_crispy_field }}{% endif %}{% endfor %}
  <button type="submit">Versturen</button>
</form>""")


def lees():
    html = PAGINA.render(Context({"form": Voorbeeld()}))
    return html, fm.lees_formulier(html)


def persoon(n=1):
    return fm.Persoon(run="t", volgnummer=n, rnd=random.Random(n), postcodes=["7511"])


def test_leest_post_formulier_met_velden_en_honeypot():
    html, formulier = lees()
    assert "q" not in formulier.namen()
    assert {"voornaam", "arbeidssituatie", "privacy_akkoord", "website"} <= set(formulier.namen())
    assert formulier.honeypots() == ["website"]
    assert fm.csrf_token(html) == "abc123"


def test_ingevuld_formulier_is_geldig_en_laat_honeypot_leeg():
    _, formulier = lees()
    for n in range(20):
        data = dict(fm.vul_in(formulier, persoon(n)))
        form = Voorbeeld(data)
        assert form.is_valid(), form.errors
        assert data["website"] == ""
        assert "nieuwsbrief" not in data
        assert form.cleaned_data["geboortedatum"] < date(2008, 1, 1)
        assert form.cleaned_data["email"] == f"bench-t-{n}@example.org"


def test_twentse_postcodes_zonder_postbus_en_grens():
    codes = fm.twentse_postcodes()
    assert "7511" in codes and "7440" not in codes and "7693" not in codes


def test_foutmeldingen_uit_crispy_markup():
    form = Voorbeeld({"voornaam": ""})
    html = Template("{% load crispy_forms_tags %}{% crispy form %}").render(
        Context({"form": form}))
    assert any("verplicht" in m.lower() for m in fm.foutmeldingen(html))


def test_percentielen():
    p = percentielen([i / 1000 for i in range(1, 101)])
    assert (p["n"], p["p50"], p["p95"], p["p99"], p["max"]) == (100, 50.0, 95.0, 99.0, 100.0)
