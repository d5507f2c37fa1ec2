"""Foreign keys to organisations and people now name the directory app; the database is unchanged."""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0002_strategy_choosers'),
        ('directory', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
            migrations.AlterField(
                model_name='caseorganisation',
                name='organisation',
                field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='case_links', to='directory.organisation', verbose_name='organisation'),
            ),
            migrations.AlterField(
                model_name='casepage',
                name='contact_person',
                field=models.ForeignKey(blank=True, help_text='Skal udfyldes: den person, andre kommuner kan spørge om casen.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contact_for_cases', to='directory.person', verbose_name='kontaktperson'),
            ),
            migrations.AlterField(
                model_name='conferencepage',
                name='programme',
                field=wagtail.fields.StreamField([('presentation', 8), ('item', 11)], blank=True, block_lookup={0: ('wagtail.blocks.TimeBlock', (), {'label': 'Klokkeslæt', 'required': False}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Titel', 'max_length': 200}), 2: ('wagtail.snippets.blocks.SnippetChooserBlock', ('cms.Municipality',), {'label': 'Præsenterende kommune', 'required': False}), 3: ('wagtail.blocks.TextBlock', (), {'label': 'Kort beskrivelse', 'max_length': 800, 'required': False}), 4: ('wagtail.snippets.blocks.SnippetChooserBlock', ('directory.Person',), {}), 5: ('wagtail.blocks.ListBlock', (4,), {'collapsed': True, 'help_text': 'Personer fra registret. Deres side viser programpunktet, når siden er udgivet.', 'label': 'Oplægsholdere', 'required': False}), 6: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'Den strategi eller handlingsplan, som oplægget præsenterer.', 'label': 'Strategi eller handlingsplan', 'page_type': ['strategies.StrategyPage', 'strategies.ActionPlanPage'], 'required': False}), 7: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Slides', 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('time', 0), ('title', 1), ('municipality', 2), ('description', 3), ('speakers', 5), ('strategy', 6), ('slides', 7)]], {}), 9: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('oplaeg', 'Oplæg'), ('case', 'Case'), ('workshop', 'Workshop'), ('debat', 'Debat'), ('pause', 'Pause'), ('netvaerk', 'Netværk')], 'label': 'Type'}), 10: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'Siden, som programpunktet blev til: casen eller workshoppens resultater.', 'label': 'Case eller workshop', 'page_type': ['cases.CasePage', 'cases.WorkshopOutputPage'], 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('time', 0), ('title', 1), ('kind', 9), ('description', 3), ('speakers', 5), ('page', 10), ('slides', 7)]], {})}, verbose_name='program'),
            ),
            migrations.AlterField(
                model_name='meetingpage',
                name='programme',
                field=wagtail.fields.StreamField([('item', 8)], blank=True, block_lookup={0: ('wagtail.blocks.TimeBlock', (), {'label': 'Klokkeslæt', 'required': False}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Titel', 'max_length': 200}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('oplaeg', 'Oplæg'), ('case', 'Case'), ('workshop', 'Workshop'), ('debat', 'Debat'), ('pause', 'Pause'), ('netvaerk', 'Netværk')], 'label': 'Type'}), 3: ('wagtail.blocks.TextBlock', (), {'label': 'Kort beskrivelse', 'max_length': 800, 'required': False}), 4: ('wagtail.snippets.blocks.SnippetChooserBlock', ('directory.Person',), {}), 5: ('wagtail.blocks.ListBlock', (4,), {'collapsed': True, 'help_text': 'Personer fra registret. Deres side viser programpunktet, når siden er udgivet.', 'label': 'Oplægsholdere', 'required': False}), 6: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'Siden, som programpunktet blev til: casen eller workshoppens resultater.', 'label': 'Case eller workshop', 'page_type': ['cases.CasePage', 'cases.WorkshopOutputPage'], 'required': False}), 7: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Slides', 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('time', 0), ('title', 1), ('kind', 2), ('description', 3), ('speakers', 5), ('page', 6), ('slides', 7)]], {})}, verbose_name='program'),
            ),
            migrations.AlterField(
                model_name='talk',
                name='person',
                field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='talks', to='directory.person'),
            ),
            migrations.AlterField(
                model_name='workshopfacilitator',
                name='person',
                field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='facilitated_workshops', to='directory.person', verbose_name='person'),
            ),
            ],
        ),
    ]
