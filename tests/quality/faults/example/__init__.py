"""A small service used only by the fault tests: one journey whose submit saves an
application and queues a confirmation email in the same transaction, as a real
service's submit does. It is installed only by ``example.settings``, in the app and
worker processes the fault tests start; it is never part of the site."""
