"""Reads a Word file with python-docx (installed by scripts/setup into .venv-test/) and prints what the
browser test checks, as JSON: the headings (style and text), every paragraph's text, the tables (their
cells' texts), the number of inline pictures, and whether a footer holds a PAGE field.

    .venv-test/bin/python tests/e2e/read-docx.py report.docx
"""
import json
import sys

import docx

document = docx.Document(sys.argv[1])
body = document.element.body
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


def footer_has_page_field(section):
    return 'PAGE' in ''.join(t.text or '' for t in section.footer._element.iter(W + 'instrText'))


print(json.dumps({
    'headings': [
        {'style': p.style.name, 'text': p.text}
        for p in document.paragraphs
        if p.style is not None and p.style.name.lower().startswith('heading')
    ],
    'title': [p.text for p in document.paragraphs if p.style is not None and p.style.name == 'Title'],
    'paragraphs': [p.text for p in document.paragraphs],
    'rtl_paragraphs': [p.text for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.find(W + 'bidi') is not None],
    'tables': [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables],
    'pictures': len(document.inline_shapes),
    'page_field_in_footer': any(footer_has_page_field(s) for s in document.sections),
}, ensure_ascii=False))
