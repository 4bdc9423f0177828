"""The fixed vocabularies of the book: decision roles, preference categories, interaction kinds...

Each term has a machine ``code`` (what the book stores and scripts pass), an English ``label``
and a simplified-Chinese ``label_zh``. The GUI wraps labels in ``tr()``; the Chinese labels are
data here so that the CLI accepts what a rep types (``--category 茶`` is ``tea``) and the GUI has
a default.

Tiers are not here: they are rows of the book (``crmdesk.db.services.tiers``), so each company
keeps its own scheme.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from crmdesk.core.errors import ValidationError


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    label: str
    label_zh: str


@dataclass(frozen=True)
class Vocabulary:
    """The terms one field may take; ``name`` is the field errors report."""

    name: str
    terms: tuple[Term, ...]
    _lookup: dict[str, str] = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup: dict[str, str] = {}
        for term in self.terms:
            for spelling in (term.code, term.label, term.label_zh):
                lookup[_fold(spelling)] = term.code
        object.__setattr__(self, "_lookup", lookup)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __contains__(self, code: object) -> bool:
        return any(term.code == code for term in self.terms)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(term.code for term in self.terms)

    def term(self, code: str) -> Term:
        for term in self.terms:
            if term.code == code:
                return term
        raise KeyError(code)

    def label(self, code: str, *, zh: bool = False) -> str:
        """The label of ``code``; an unknown code (from a newer crmdesk) is shown as is."""
        try:
            term = self.term(code)
        except KeyError:
            return code
        return term.label_zh if zh else term.label

    def check(self, value: str, *, field: str | None = None) -> str:
        """The code ``value`` means (a code, English or Chinese label, any case), else an error."""
        code = self._lookup.get(_fold(value))
        if code is None:
            name = field or self.name
            raise ValidationError(
                f"{value.strip()!r} is not a known {name.replace('_', ' ')}; "
                f"choose one of: {', '.join(self.codes)}",
                field=name,
                code="unknown_term",
            )
        return code


def _fold(text: str) -> str:
    return text.strip().casefold().replace("-", "_").replace(" ", "_")


def _vocab(name: str, *terms: tuple[str, str, str]) -> Vocabulary:
    return Vocabulary(name, tuple(Term(*t) for t in terms))


DECISION_ROLES = _vocab(
    "decision_role",
    ("decision_maker", "Decision maker", "决策者"),
    ("influencer", "Influencer", "影响者"),
    ("user", "User", "使用者"),
    ("technical_evaluator", "Technical evaluator", "技术评估者"),
    ("coach", "Coach (inside supporter)", "教练"),
    ("gatekeeper", "Gatekeeper", "把关者"),
    ("other", "Other", "其他"),
)

PREFERENCE_CATEGORIES = _vocab(
    "category",
    ("food", "Food", "饮食"),
    ("drink", "Drink", "酒水"),
    ("tea", "Tea", "茶"),
    ("tobacco", "Tobacco", "烟"),
    ("gift", "Gift", "礼品"),
    ("hobby", "Hobby", "爱好"),
    ("sport", "Sport", "运动"),
    ("clothing", "Clothing", "服装"),
    ("shoe_size", "Shoe size", "鞋码"),
    ("seating", "Seating", "座位"),
    ("dietary_taboo", "Dietary taboo", "饮食禁忌"),
    ("religion", "Religion", "宗教"),
    ("other", "Other", "其他"),
)

INTERACTION_KINDS = _vocab(
    "kind",
    ("visit", "Visit", "拜访"),
    ("meal", "Meal", "宴请"),
    ("call", "Call", "电话"),
    ("wechat", "WeChat", "微信"),
    ("gift", "Gift", "送礼"),
    ("greeting", "Greeting", "问候"),
    ("event", "Event", "活动"),
    ("site_tour", "Site tour", "参观考察"),
    ("reception", "Reception", "接待"),
    ("email", "E-mail", "邮件"),
    ("other", "Other", "其他"),
)

CUSTOMER_TYPES = _vocab(
    "customer_type",
    ("government", "Government", "政府"),
    ("state_owned", "State-owned enterprise", "国有企业"),
    ("large_contractor", "Large contractor", "大型承包商"),
    ("private_end_user", "Private end user", "民营终端用户"),
    ("other", "Other", "其他"),
)

ACCOUNT_STATUSES = _vocab(
    "status",
    ("existing", "Existing", "现有客户"),
    ("target", "Target", "目标客户"),
    ("potential", "Potential", "潜在客户"),
    ("dormant", "Dormant", "休眠客户"),
)

OPPORTUNITY_STAGES = _vocab(
    "stage",
    ("identify", "Identify", "鉴别商机"),
    ("qualify", "Qualify", "资质判定"),
    ("develop", "Develop", "开发阶段"),
    ("propose", "Propose", "制定方案"),
    ("result", "Result", "销售结果"),
)

OPPORTUNITY_RESULTS = _vocab(
    "result",
    ("won", "Won", "赢单"),
    ("lost", "Lost", "丢单"),
)

DATE_KINDS = _vocab(
    "kind",
    ("birthday", "Birthday", "生日"),
    ("anniversary", "Anniversary", "纪念日"),
    ("other", "Other", "其他"),
)

COMPLAINT_STATUSES = _vocab(
    "status",
    ("open", "Open", "待处理"),
    ("in_progress", "In progress", "处理中"),
    ("resolved", "Resolved", "已解决"),
    ("closed", "Closed", "已关闭"),
)

COST_CATEGORIES = _vocab(
    "cost_category",
    ("meal", "Meal", "餐费"),
    ("gift", "Gift", "礼品"),
    ("travel", "Travel", "差旅"),
    ("entertainment", "Entertainment", "招待"),
    ("event", "Event", "活动"),
    ("other", "Other", "其他"),
)

FAMILY_RELATIONS = _vocab(
    "relation",
    ("spouse", "Spouse", "配偶"),
    ("father", "Father", "父亲"),
    ("mother", "Mother", "母亲"),
    ("father_in_law", "Father-in-law", "岳父/公公"),
    ("mother_in_law", "Mother-in-law", "岳母/婆婆"),
    ("son", "Son", "儿子"),
    ("daughter", "Daughter", "女儿"),
    ("sibling", "Sibling", "兄弟姐妹"),
    ("grandparent", "Grandparent", "祖父母"),
    ("other", "Other", "其他"),
)

GENDERS = _vocab(
    "gender",
    ("female", "Female", "女"),
    ("male", "Male", "男"),
    ("other", "Other", "其他"),
)

# The cost category an interaction's cost falls in when none is given.
DEFAULT_COST_CATEGORY = {
    "meal": "meal",
    "gift": "gift",
    "event": "event",
    "reception": "entertainment",
    "site_tour": "travel",
    "visit": "travel",
}
