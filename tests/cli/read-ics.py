#!/usr/bin/python3
# Reads an .ics file back with Python's standard library only, the way a
# strict calendar would (RFC 5545: CRLF lines, folding, BEGIN/END nesting,
# UTC date-times), and compares its events with the database's meetings.
# Usage: read-ics.py FILE.ics DATABASE YEAR|meeting:ID
import datetime
import sqlite3
import sys

ics_path, db_path, which = sys.argv[1:4]
raw = open(ics_path, 'rb').read()
assert raw.endswith(b'\r\n'), 'lines must end with CRLF'
text = raw.decode('utf-8')
physical = text.split('\r\n')[:-1]
for line in physical:
    assert len(line.encode('utf-8')) <= 75, 'line longer than 75 octets: %r' % line
lines = []
for line in physical:
    if line.startswith((' ', '\t')):
        lines[-1] += line[1:]
    else:
        lines.append(line)

stack, events, event = [], [], None
for line in lines:
    name, _, value = line.partition(':')
    name = name.split(';')[0]
    if name == 'BEGIN':
        stack.append(value)
        if value == 'VEVENT':
            event = {}
    elif name == 'END':
        assert stack and stack.pop() == value, 'END:%s does not close a %s' % (value, stack)
        if value == 'VEVENT':
            events.append(event)
            event = None
    elif event is not None:
        event[name] = value
assert not stack, 'unclosed: %s' % stack

def moment(value):
    return datetime.datetime.strptime(value, '%Y%m%dT%H%M%SZ')

db = sqlite3.connect(db_path)
if which.startswith('meeting:'):
    rows = db.execute('SELECT title, starts_at, ends_at FROM meetings WHERE id = ?',
                      (int(which[8:]),)).fetchall()
else:
    rows = db.execute("SELECT title, starts_at, ends_at FROM meetings WHERE starts_at LIKE ? "
                      "ORDER BY starts_at", (which + '-%',)).fetchall()
assert len(events) == len(rows), '%d events for %d meetings' % (len(events), len(rows))
uids = set()
for row, ev in zip(rows, sorted(events, key=lambda e: e['DTSTART'])):
    title, starts, ends = row
    assert ev['SUMMARY'].replace('\\,', ',').replace('\\;', ';') == title, (ev['SUMMARY'], title)
    assert moment(ev['DTSTART']) == datetime.datetime.strptime(starts, '%Y-%m-%dT%H:%M:%SZ')
    assert moment(ev['DTEND']) == datetime.datetime.strptime(ends, '%Y-%m-%dT%H:%M:%SZ')
    assert ev['UID'] not in uids
    uids.add(ev['UID'])
print('%d events read back' % len(events))
