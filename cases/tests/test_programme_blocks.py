"""A new programme item can be saved as the editor fills it in: no empty speaker slot to delete first."""

from django.test import SimpleTestCase

from cases.blocks import AgendaItemBlock, PresentationBlock


class ProgrammeItemTests(SimpleTestCase):
    def test_a_new_item_starts_without_a_speaker_slot(self):
        for block in (AgendaItemBlock(), PresentationBlock()):
            self.assertEqual(list(block.get_default()["speakers"]), [], block)

    def test_an_item_with_a_title_and_no_speakers_is_valid(self):
        block = AgendaItemBlock()
        value = block.to_python({"title": "Frokost", "kind": "pause", "speakers": []})
        cleaned = block.clean(value)
        self.assertEqual(cleaned["title"], "Frokost")
