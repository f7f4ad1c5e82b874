#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a Qt Linguist file freshly updated from the sources (script/translations check).

Fails when an entry is unfinished or obsolete (the sources hold a string the file does
not translate, or the file translates a string the sources dropped), when a translation
loses a placeholder, an HTML tag or a keyboard accelerator of its source, and — for French
— when « : ; ? ! » ending a phrase or a closing guillemet do not follow a no-break space, or
a guillemet opens without one after it. A mark followed by a letter or digit is syntax, not
prose (12:30, PROVIDER:MODEL, a file dialog's ;; separator) and is left alone.
"""
import argparse
import re
import sys
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?(?:\d+|n)")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
ACCELERATOR = re.compile(r"(?<!&)&(?=[^&\s;])(?![a-z]+;)")
NBSP = "\u00a0\u202f"
URL = re.compile(r"[a-z][a-z0-9+.-]*://\S*|\b\S+\.(?:json|sqlite|csv|md|html)\b", re.IGNORECASE)


def plain(text):
    """The words a reader sees: without HTML tags, URLs, placeholders and entities."""
    text = TAG.sub(" ", text)
    text = URL.sub(" ", text)
    text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
    return text


def french_problems(text):
    problems = []
    words = plain(text)
    for match in re.finditer(r"[:;?!»]", words):
        at = match.start()
        mark = match.group()
        before = words[at - 1] if at > 0 else ""
        after = words[at + 1] if at + 1 < len(words) else ""
        if mark != "»" and after and not after.isspace() and after not in NBSP + ".,)»":
            continue  # syntax, not prose: 12:30, %1:%2, PROVIDER:MODEL, ?q=, filters' ;;
        if mark == ";" and before == ";":
            continue  # the second ; of a file dialog's filter separator
        if mark in "?!" and before in "?!":
            continue  # « ?! »
        if at == 0:
            continue  # the text goes on from another piece
        if before not in NBSP:
            problems.append(f"no no-break space before « {mark} » in: {text!r}")
    for match in re.finditer("«", words):
        after = words[match.start() + 1] if match.start() + 1 < len(words) else ""
        if after not in NBSP:
            problems.append(f"no no-break space after « in: {text!r}")
    return problems


def entry_problems(source, translations, french):
    problems = []
    wanted = sorted(set(PLACEHOLDER.findall(source)))
    for text in translations:
        have = sorted(set(PLACEHOLDER.findall(text)))
        if have != wanted and not (wanted == ["%n"] and have == [] and len(translations) > 1):
            problems.append(f"placeholders {have} instead of {wanted} in: {text!r}")
        source_tags = sorted(t.lower() for t in TAG.findall(source))
        tags = sorted(t.lower() for t in TAG.findall(text))
        if source_tags != tags:
            problems.append(f"HTML tags {tags} instead of {source_tags} in: {text!r}")
        if ACCELERATOR.search(source) and not ACCELERATOR.search(text):
            problems.append(f"the accelerator (&) of {source!r} is lost in: {text!r}")
        if french:
            problems.extend(french_problems(text))
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ts")
    parser.add_argument("--as", dest="shown", help="the file's name in messages")
    args = parser.parse_args()
    shown = args.shown or args.ts
    root = ET.parse(args.ts).getroot()
    french = (root.get("language") or "").startswith("fr")
    unfinished, obsolete, wrong = [], [], []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            where = f"{name}: {source!r}"
            if kind in ("obsolete", "vanished"):
                obsolete.append(where)
                continue
            if kind == "unfinished":
                unfinished.append(where)
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
            if any(not text for text in texts):
                unfinished.append(where)
                continue
            for problem in entry_problems(source, texts, french):
                wrong.append(f"{name}: {problem}")
    for title, items in (("unfinished", unfinished), ("obsolete", obsolete), ("wrong", wrong)):
        for item in items:
            print(f"{shown}: {title}: {item}")
    total = len(unfinished) + len(obsolete) + len(wrong)
    if total:
        print(f"{shown}: {len(unfinished)} unfinished, {len(obsolete)} obsolete, {len(wrong)} wrong "
              f"entries (script/translations update, then translate them in Qt Linguist)")
        return 1
    print(f"{shown}: complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
