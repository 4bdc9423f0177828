"""The contact fields a column can go to, and a guess from the column's header.

The guess knows the headers of common exports (Google Contacts, Outlook, Apple, Chinese Excel
sheets) in English and Chinese. Several columns may feed a *list* field (phones, e-mails, tags)
or the notes; a single-valued field takes the first column that claims it. ``family_name`` and
``given_name`` make the name when no column holds the whole name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

IGNORE = ""


@dataclass(frozen=True, slots=True)
class TargetField:
    code: str
    label: str  # English; the GUI translates it
    multi: bool = False  # several columns may feed it


TARGETS: tuple[TargetField, ...] = (
    TargetField("name", "Name"),
    TargetField("family_name", "Family name"),
    TargetField("given_name", "Given name"),
    TargetField("phones", "Phone", multi=True),
    TargetField("emails", "E-mail", multi=True),
    TargetField("account", "Company"),
    TargetField("title", "Job title"),
    TargetField("department", "Department"),
    TargetField("wechat", "WeChat"),
    TargetField("hometown", "Hometown"),
    TargetField("birthday", "Birthday"),
    TargetField("gender", "Gender"),
    TargetField("tags", "Tags", multi=True),
    TargetField("notes", "Notes", multi=True),
)
TARGET_CODES = frozenset(t.code for t in TARGETS)

# Header words, folded (lower case, no spaces, dashes, underscores or dots), per field. Checked
# as exact matches first, then as patterns (Google's "Phone 1 - Value", Outlook's "Mobile Phone").
_EXACT: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "displayname", "contact", "contactname", "fn", "姓名", "名字",
             "联系人", "客户姓名", "联系人姓名", "全名"),
    "family_name": ("familyname", "lastname", "surname", "姓", "姓氏"),
    "given_name": ("givenname", "firstname", "名"),
    "phones": ("phone", "mobile", "mobilephone", "cell", "cellphone", "tel", "telephone",
               "businessphone", "homephone", "手机", "手机号", "手机号码", "电话", "电话号码",
               "移动电话", "联系电话", "办公电话", "座机", "工作电话"),
    "emails": ("email", "emailaddress", "mail", "邮箱", "电子邮件", "电子邮箱", "邮件",
               "email地址"),
    "account": ("company", "organization", "organisation", "org", "account", "employer",
                "companyname", "公司", "单位", "公司名称", "工作单位", "客户", "机构", "企业"),
    "title": ("jobtitle", "position", "role", "title", "职位", "职务", "头衔", "岗位"),
    "department": ("department", "dept", "部门", "科室"),
    "wechat": ("wechat", "wechatid", "weixin", "微信", "微信号"),
    "hometown": ("hometown", "nativeplace", "籍贯", "老家", "家乡"),
    "birthday": ("birthday", "birthdate", "dateofbirth", "dob", "bday", "生日", "出生日期",
                 "出生年月", "生辰"),
    "gender": ("gender", "sex", "性别"),
    "tags": ("tags", "labels", "groupmembership", "categories", "group", "标签", "分组", "群组"),
    "notes": ("notes", "note", "comments", "remarks", "memo", "备注", "说明", "附注"),
}  # fmt: skip
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("emails", re.compile(r"^e?mail\d*(address)?(\d+)?(value)?$|^email\d+value$")),
    ("phones", re.compile(r"^(phone|tel|mobile)\d*value$|phone$|手机|电话")),
    ("account", re.compile(r"^organi[sz]ation\d*name$")),
    ("title", re.compile(r"^organi[sz]ation\d*(job)?title$")),
    ("department", re.compile(r"^organi[sz]ation\d*department$")),
)


def fold(header: str) -> str:
    return re.sub(r"[\s\-_.:：()（）]+", "", header).casefold()


_LOOKUP = {word: code for code, words in _EXACT.items() for word in words}
_MULTI = {t.code for t in TARGETS if t.multi}


def guess_field(header: str) -> str:
    """The field a column with this header most likely holds, or IGNORE."""
    key = fold(header)
    if not key:
        return IGNORE
    if key in _LOOKUP:
        return _LOOKUP[key]
    for code, pattern in _PATTERNS:
        if pattern.search(key):
            return code
    return IGNORE


def guess_mapping(columns: Sequence[str]) -> dict[int, str]:
    """Column index -> field for the columns the guess is sure of.

    A single-valued field goes to the first column that claims it, except that an explicit
    "Job Title" wins over a bare "Title" (in Outlook's export "Title" is Mr./Ms.).
    """
    mapping: dict[int, str] = {}
    folded = [fold(c) for c in columns]
    has_job_title = "jobtitle" in folded
    taken: set[str] = set()
    for index, header in enumerate(columns):
        code = guess_field(header)
        if not code or (code == "title" and folded[index] == "title" and has_job_title):
            continue
        if code in taken and code not in _MULTI:
            continue
        mapping[index] = code
        taken.add(code)
    return mapping


def parse_map_option(text: str, columns: Sequence[str]) -> tuple[int, str]:
    """``COLUMN=FIELD`` (column by header or 1-based number; empty FIELD ignores it)."""
    from crmdesk.core.errors import ValidationError

    column, sep, code = text.partition("=")
    code = code.strip()
    if not sep:
        raise ValidationError(f"{text!r} is not COLUMN=FIELD", field="map", code="map_syntax")
    if code and code not in TARGET_CODES:
        raise ValidationError(
            f"{code!r} is not a contact field; choose one of: {', '.join(sorted(TARGET_CODES))}",
            field="map",
            code="map_field",
        )
    wanted = column.strip()
    for index, header in enumerate(columns):
        if header == wanted or fold(header) == fold(wanted):
            return index, code
    if wanted.isdigit() and 1 <= int(wanted) <= len(columns):
        return int(wanted) - 1, code
    raise ValidationError(
        f"the file has no column {wanted!r}; its columns are: {', '.join(columns)}",
        field="map",
        code="map_column",
    )
