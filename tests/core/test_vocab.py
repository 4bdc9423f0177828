"""Vocabularies: codes, English and Chinese labels, and errors that list the choices."""

from __future__ import annotations

import pytest

from crmdesk.core import vocab
from crmdesk.core.errors import ValidationError

ALL = [v for v in vars(vocab).values() if isinstance(v, vocab.Vocabulary)]


@pytest.mark.parametrize("vocabulary", ALL, ids=lambda v: v.name)
def test_every_term_has_a_unique_code_and_both_labels(vocabulary: vocab.Vocabulary) -> None:
    assert len(set(vocabulary.codes)) == len(vocabulary.codes)
    for term in vocabulary:
        assert term.code == term.code.lower().replace(" ", "_")
        assert term.label and term.label_zh
        assert vocabulary.check(term.code) == term.code
        assert vocabulary.check(term.label) == term.code
        assert vocabulary.check(term.label_zh) == term.code


def test_issue_vocabularies_are_complete() -> None:
    assert set(vocab.DECISION_ROLES.codes) >= {
        "decision_maker",
        "influencer",
        "user",
        "technical_evaluator",
        "coach",
        "gatekeeper",
    }
    assert vocab.OPPORTUNITY_STAGES.codes == ("identify", "qualify", "develop", "propose", "result")
    assert set(vocab.ACCOUNT_STATUSES.codes) == {"existing", "target", "potential", "dormant"}
    assert "dietary_taboo" in vocab.PREFERENCE_CATEGORIES
    assert "site_tour" in vocab.INTERACTION_KINDS


def test_lenient_spelling() -> None:
    assert vocab.DECISION_ROLES.check(" Decision-Maker ") == "decision_maker"
    assert vocab.PREFERENCE_CATEGORIES.check("茶") == "tea"
    assert vocab.PREFERENCE_CATEGORIES.check("shoe size") == "shoe_size"


def test_unknown_value_names_the_field_and_the_choices() -> None:
    with pytest.raises(ValidationError) as err:
        vocab.INTERACTION_KINDS.check("karaoke")
    assert err.value.field == "kind"
    assert "visit" in err.value.message and "karaoke" in err.value.message
    with pytest.raises(ValidationError) as err:
        vocab.INTERACTION_KINDS.check("karaoke", field="interaction_kind")
    assert err.value.field == "interaction_kind"


def test_labels() -> None:
    assert vocab.DECISION_ROLES.label("coach") == "Coach (inside supporter)"
    assert vocab.DECISION_ROLES.label("coach", zh=True) == "教练"
    assert vocab.DECISION_ROLES.label("from_a_newer_crmdesk") == "from_a_newer_crmdesk"
