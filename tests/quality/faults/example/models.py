from django.db import models


class Application(models.Model):
    """What the example service keeps when a citizen sends the journey."""

    reference = models.CharField(max_length=20, unique=True)
    full_name = models.CharField(max_length=100)
    email = models.EmailField()
    submitted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.reference
