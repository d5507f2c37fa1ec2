"""django-axes' authentication backend, for logins that come with a request."""

from axes.backends import AxesBackend


class RequestAxesBackend(AxesBackend):
    """Throttles every login made through a web request (all login views pass one).

    It authenticates nobody itself (ModelBackend, next in the list, does); as AxesBackend it also
    answers get_user(), so sessions made with force_login(user, <first backend>) work.

    A login without a request (a management command, Django's test client `login()`) has no
    address to count and cannot come from the web, so it is left to the next backend instead of
    raising AxesBackendRequestParameterRequired as django-axes does.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
