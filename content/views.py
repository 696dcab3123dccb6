import csv
import io
import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from content.open_data import DATASETS, csv_row
from pagecache.pages import public_page

FORMATS = ("json", "csv")


@public_page
@require_safe
def open_data(request):
    """What open data there is, under which licence, with a link to each file."""
    datasets = [
        {
            "name": name,
            "files": [
                (fmt, reverse("content:open_data_file", kwargs={"name": name, "fmt": fmt}))
                for fmt in FORMATS
            ],
        }
        for name in DATASETS
    ]
    return render(request, "content/open_data.html", {"datasets": datasets})


def _neutralised(value):
    """A CSV cell that a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return f"'{value}"
    return value


@public_page
@require_safe
def open_data_file(request, name, fmt):
    if name not in DATASETS or fmt not in FORMATS:
        raise Http404("No such data set.")
    rows = DATASETS[name](request.build_absolute_uri, local=getattr(request, "gemeente", None))
    filename = f"wijkverbinder-{name}.{fmt}"
    if fmt == "json":
        body = json.dumps(rows, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        flat = [csv_row(row) for row in rows]
        columns = list(dict.fromkeys(key for row in flat for key in row))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        for row in flat:
            writer.writerow({key: _neutralised(value) for key, value in row.items()})
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
