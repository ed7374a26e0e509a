from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from digital_services.core.registry import services_list


@login_required
@permission_required("assisted_digital.act_on_behalf", raise_exception=True)
def start(request):
    """Where assisted-digital staff begin helping someone who is not online."""
    return render(
        request,
        "assisted_digital/start.html",
        {"services": services_list(), "page_title": "Help someone use a service"},
    )
