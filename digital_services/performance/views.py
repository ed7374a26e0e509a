def feedback(request):
    raise NotImplementedError
