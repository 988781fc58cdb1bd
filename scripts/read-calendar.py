#!/usr/bin/env python3
"""Reads an iCalendar file with the independent `icalendar` parser (PyPI) and prints its events
as JSON, for the calendar tests: the values a calendar program would show, and whether every
line ends in CRLF and fits 75 octets (RFC 5545 §3.1).

usage: read-calendar.py FILE.ics
"""
import json
import sys

import icalendar

data = open(sys.argv[1], "rb").read()
lines = data.split(b"\r\n")
calendar = icalendar.Calendar.from_ical(data)
events = []
for event in calendar.walk("VEVENT"):
    events.append({
        "uid": str(event["UID"]),
        "summary": str(event["SUMMARY"]),
        "location": str(event["LOCATION"]) if "LOCATION" in event else None,
        "description": str(event["DESCRIPTION"]),
        "start": event.decoded("DTSTART").isoformat(),
        "end": event.decoded("DTEND").isoformat(),
        "all_day": not hasattr(event.decoded("DTSTART"), "hour"),
        "categories": [str(c) for c in event["CATEGORIES"].cats] if "CATEGORIES" in event else [],
        "status": str(event["STATUS"]),
        "sequence": int(event["SEQUENCE"]),
        "stamp": event.decoded("DTSTAMP").isoformat(),
    })
print(json.dumps({
    "name": str(calendar.get("X-WR-CALNAME")),
    "version": str(calendar["VERSION"]),
    "crlf": b"\n" not in data.replace(b"\r\n", b""),
    "longest_line": max(len(line) for line in lines),
    "events": events,
}))
