"""The admin form for page types whose validation depends on where the page sits in the tree."""

from security.pageforms import SecurePageForm


class ParentAwarePageForm(SecurePageForm):
    """Hands the page the parent it is being created or edited under, before the model validates it.

    Wagtail places a new page in the tree only after its form is valid, so without this a model's
    `full_clean`/`clean` cannot see its parent while the editor's form is checked. The rules themselves
    live in the model (see `strategies.models.pages.StrategyPage.full_clean`), so they hold outside the
    admin too.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.parent_page is not None:
            self.instance.form_parent_page = self.parent_page
