"""The database's plafond check counts voorschotten as paid money and money received back
as no longer spent, exactly as tfvv.budget_selectors.standen does:
benut = reserveringen − vrijval + realisaties + voorschotten − ontvangsten."""

from django.db import migrations

FUNCTIE = r"""
CREATE OR REPLACE FUNCTION tfvv_binnen_plafond() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p record;
    plafond numeric;
    benut numeric;
BEGIN
    FOR p IN SELECT DISTINCT periode_id FROM nieuw
             WHERE soort IN (%(verhogend)s) ORDER BY periode_id LOOP
        PERFORM 1 FROM tfvv_begrotingsperiode WHERE id = p.periode_id FOR UPDATE;
        SELECT bedrag INTO plafond FROM tfvv_plafondbesluit
            WHERE periode_id = p.periode_id AND goedgekeurd_op IS NOT NULL
            ORDER BY goedgekeurd_op DESC, id DESC LIMIT 1;
        SELECT COALESCE(SUM(CASE WHEN soort IN (%(verlagend)s) THEN -bedrag ELSE bedrag END), 0)
            INTO benut FROM tfvv_budgetboeking
            WHERE periode_id = p.periode_id AND soort IN (%(verhogend)s, %(verlagend)s);
        IF benut > COALESCE(plafond, 0) THEN
            RAISE EXCEPTION 'subsidieplafond overschreden in periode %%: %% > %%',
                p.periode_id, benut, COALESCE(plafond, 0)
                USING ERRCODE = 'check_violation';
        END IF;
    END LOOP;
    RETURN NULL;
END $$;
"""

VOORUIT = FUNCTIE % {"verhogend": "'reservering', 'realisatie', 'voorschot'",
                     "verlagend": "'vrijval', 'ontvangst'"}
TERUG = FUNCTIE % {"verhogend": "'reservering', 'realisatie'", "verlagend": "'vrijval'"}


def _alleen_postgresql(sql):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)  # no parameters: the % in RAISE stays as it is
    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [("tfvv", "0008_merge_20261204_2253")]

    operations = [
        migrations.RunPython(_alleen_postgresql(VOORUIT), _alleen_postgresql(TERUG)),
    ]
