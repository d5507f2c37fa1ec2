"""Organisations and people move from cms to the directory app, keeping their rows.

This migration only gives the directory app the models in the migration state. The tables keep their
rows: 0002_tables_from_cms renames them once every app's migrations that point at them have run.
"""

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cms', '0008_hero_image_mixin'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
            migrations.CreateModel(
                name='Organisation',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('name', models.CharField(max_length=200, verbose_name='navn')),
                    ('slug', models.SlugField(allow_unicode=True, blank=True, max_length=100, unique=True, verbose_name='slug')),
                    ('kind', models.CharField(choices=[('bibliotek', 'Bibliotek'), ('museum', 'Museum'), ('teater', 'Teater'), ('spillested', 'Spillested'), ('kulturhus', 'Kulturhus'), ('billedskole', 'Billedskole'), ('musikskole', 'Musikskole'), ('arkiv', 'Arkiv'), ('forening', 'Forening'), ('kommunal-forvaltning', 'Kommunal forvaltning'), ('virksomhed', 'Virksomhed'), ('uddannelsesinstitution', 'Uddannelsesinstitution'), ('andet', 'Andet')], default='andet', max_length=30, verbose_name='type')),
                    ('website', models.URLField(blank=True, verbose_name='websted')),
                    ('description', models.TextField(blank=True, max_length=1000, verbose_name='beskrivelse')),
                    ('municipality', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='organisations', to='cms.municipality', verbose_name='kommune')),
                ],
                options={
                    'verbose_name': 'organisation',
                    'verbose_name_plural': 'organisationer',
                    'ordering': ['name'],
                },
                bases=(modelsearch.index.Indexed, models.Model),
            ),
            migrations.CreateModel(
                name='Person',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('name', models.CharField(max_length=200, verbose_name='navn')),
                    ('slug', models.SlugField(allow_unicode=True, blank=True, max_length=100, unique=True, verbose_name='slug')),
                    ('job_title', models.CharField(blank=True, max_length=200, verbose_name='titel')),
                    ('organisation_name', models.CharField(blank=True, help_text='Bruges, når organisationen ikke er i registret, fx et universitet.', max_length=200, verbose_name='organisation (fritekst)')),
                    ('bio', models.TextField(blank=True, max_length=1200, verbose_name='kort biografi')),
                    ('work_email', models.EmailField(blank=True, max_length=254, verbose_name='arbejdsmail')),
                    ('work_phone', models.CharField(blank=True, max_length=40, verbose_name='arbejdstelefon')),
                    ('photo_consent', models.BooleanField(default=False, help_text='Fotoet vises kun offentligt, når personen har givet samtykke.', verbose_name='samtykke til foto')),
                    ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='people', to='directory.organisation', verbose_name='organisation')),
                    ('photo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='foto')),
                ],
                options={
                    'verbose_name': 'person',
                    'verbose_name_plural': 'personer',
                    'ordering': ['name'],
                },
                bases=(modelsearch.index.Indexed, models.Model),
            ),
            migrations.AddConstraint(
                model_name='organisation',
                constraint=models.UniqueConstraint(fields=('name', 'municipality'), name='unique_organisation_per_municipality'),
            ),
            ],
        ),
    ]
