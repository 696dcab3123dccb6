from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from editing.admin import ContentInlineMixin, SafeEditingMixin, keep_revisions
from editing.forms import SafeEditingForm
from editing.history import HistoryInSiteLanguageMixin
from gemeenten import logos, owntokens
from gemeenten.editors import LocalLayerAdminMixin, own_gemeenten
from gemeenten.models import Gemeente, Host

keep_revisions(Gemeente, follow=["hosts"])
keep_revisions(Host)


class HostInline(ContentInlineMixin, admin.StackedInline):
    """Host names: set by national editors (they arrange DNS and certificates), read by all."""

    model = Host
    extra = 1
    fields = ["name"]

    def _national(self, request):
        return own_gemeenten(request.user) is None

    def has_add_permission(self, request, obj=None):
        return self._national(request) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._national(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._national(request) and super().has_delete_permission(request, obj)


class GemeenteForm(SafeEditingForm):
    """The gemeente, with its logo: an upload replaces it, a tick removes it."""

    logo_file = forms.FileField(
        label=_("New logo"),
        required=False,
        max_length=200,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/png,image/jpeg,image/webp,image/gif"}
        ),
        help_text=_(
            "Shown in the header on this gemeente's host names, beside the site's name. A PNG, "
            "JPEG, WebP or GIF of at most 1 MB (no SVG); it is shown 32 pixels high. "
            "Empty: the Wijkverbinder's own mark."
        ),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)
    tokens_file = forms.FileField(
        label=_("Own design tokens"),
        required=False,
        max_length=200,
        widget=forms.ClearableFileInput(attrs={"accept": ".css,text/css"}),
        help_text=_(
            "Only for a gemeente that holds the rights to its house style: the CSS file of its "
            "NL Design System design tokens, as its npm package builds it (e.g. "
            "dist/index.css), at most 1 MB. Its colours and font replace the look chosen above "
            "on this gemeente's host names. Refused when text, links or the header would have "
            "too little contrast."
        ),
    )
    remove_tokens = forms.BooleanField(label=_("Remove the own design tokens"), required=False)

    class Meta:
        model = Gemeente
        fields = ["name", "slug", "theme", "editors"]

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        self.prepared_logo = logos.prepare(upload) if upload else None
        return upload

    def clean_tokens_file(self):
        upload = self.cleaned_data.get("tokens_file")
        self.read_tokens = owntokens.read(upload) if upload else None
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("remove_logo") and cleaned.get("logo_file"):
            self.add_error(
                "remove_logo", _("Either upload a new logo or remove the logo, not both.")
            )
        if cleaned.get("remove_tokens") and cleaned.get("tokens_file"):
            self.add_error(
                "remove_tokens", _("Either upload new design tokens or remove them, not both.")
            )
        return cleaned

    def save(self, commit=True):
        if getattr(self, "prepared_logo", None):
            self.instance.set_logo(*self.prepared_logo)
        elif self.cleaned_data.get("remove_logo"):
            self.instance.set_logo(b"", 0, 0)
        if getattr(self, "read_tokens", None):
            self.instance.set_own_tokens(self.read_tokens)
        elif self.cleaned_data.get("remove_tokens"):
            self.instance.set_own_tokens({})
        return super().save(commit)


@admin.register(Gemeente)
class GemeenteAdmin(
    LocalLayerAdminMixin, SafeEditingMixin, HistoryInSiteLanguageMixin, admin.ModelAdmin
):
    gemeente_lookup = "pk"
    list_display = ["name", "slug", "host_names"]
    search_fields = ["name", "slug", "hosts__name"]
    prepopulated_fields = {"slug": ["name"]}
    form = GemeenteForm
    fields = [
        "name",
        "slug",
        "theme",
        "current_tokens",
        "tokens_file",
        "remove_tokens",
        "current_logo",
        "logo_file",
        "remove_logo",
        "editors",
    ]
    readonly_fields = ["current_tokens", "current_logo"]
    inlines = [HostInline]

    @admin.display(description=_("own design tokens in use"))
    def current_tokens(self, gemeente):
        if not gemeente.own_tokens:
            return _("None: the look chosen above.")
        return format_html_join("", "<code>{}: {}</code><br>", sorted(gemeente.own_tokens.items()))

    @admin.display(description=_("current logo"))
    def current_logo(self, gemeente):
        if not gemeente.logo_digest:
            return _("None: the header shows the Wijkverbinder's own mark.")
        url = reverse("admin:gemeenten_gemeente_logo", args=[gemeente.pk, gemeente.logo_digest])
        return format_html(
            '<img src="{}" alt="{}" width="{}" height="{}">',
            url,
            _("Logo of %(name)s") % {"name": gemeente.name},
            logos.header_width(gemeente.logo_width, gemeente.logo_height),
            logos.HEADER_HEIGHT,
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/logo/<str:digest>.png",
                self.admin_site.admin_view(self.logo_view),
                name="gemeenten_gemeente_logo",
            ),
            *super().get_urls(),
        ]

    def logo_view(self, request, object_id, digest):
        """The logo as editors see it in the form, on any host, within their own garden."""
        gemeente = self.get_object(request, unquote(object_id))
        if gemeente is None or not self.has_view_or_change_permission(request, gemeente):
            raise Http404
        if not gemeente.logo_digest or gemeente.logo_digest != digest:
            raise Http404
        response = HttpResponse(bytes(gemeente.logo), content_type="image/png")
        response["Cache-Control"] = "private, max-age=3600"
        return response

    @admin.display(description=Host._meta.verbose_name_plural)
    def host_names(self, gemeente):
        return ", ".join(host.name for host in gemeente.hosts.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("hosts")

    def get_readonly_fields(self, request, obj=None):
        if own_gemeenten(request.user) is None:
            return ("current_tokens", "current_logo")
        return ("current_tokens", "current_logo", "name", "slug", "editors")

    def get_prepopulated_fields(self, request, obj=None):
        return {} if own_gemeenten(request.user) is not None else self.prepopulated_fields

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "editors":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_add_permission(self, request):
        return own_gemeenten(request.user) is None and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return own_gemeenten(request.user) is None and super().has_delete_permission(request, obj)
