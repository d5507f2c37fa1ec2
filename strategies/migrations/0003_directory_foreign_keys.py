"""Foreign keys to organisations and people now name the directory app; the database is unchanged."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0001_initial'),
        ('strategies', '0002_hero_image_mixin'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
            migrations.AlterField(
                model_name='action',
                name='partners',
                field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='partner_in_actions', to='directory.organisation', verbose_name='partnere'),
            ),
            migrations.AlterField(
                model_name='action',
                name='responsible',
                field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='responsible_for_actions', to='directory.organisation', verbose_name='ansvarlig organisation'),
            ),
            migrations.AlterField(
                model_name='actionplanpage',
                name='contact',
                field=models.ForeignKey(blank=True, help_text='Tom: strategiens kontaktperson vises.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='contact_for_action_plans', to='directory.person', verbose_name='kontaktperson'),
            ),
            migrations.AlterField(
                model_name='strategypage',
                name='contact',
                field=models.ForeignKey(help_text='Kun arbejdsnavn, titel, arbejdsmail og -telefon vises.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='contact_for_strategies', to='directory.person', verbose_name='kontaktperson'),
            ),
            migrations.AlterField(
                model_name='strategypage',
                name='partners',
                field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='partner_in_strategies', to='directory.organisation', verbose_name='partnere'),
            ),
            ],
        ),
    ]
