"""The S3 bucket the tests store documents in: moto's server mode (a real S3 API over
HTTP), started by ``make test`` (scripts/services.sh) or, for the S3 tests run on their
own, by ``moto_s3_options`` here."""

from __future__ import annotations

import os
import socket

_ensured: set[tuple[str | None, str]] = set()


def s3_client(options: dict):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=options.get("endpoint_url"),
        region_name=options.get("region_name") or "eu-west-2",
        aws_access_key_id=options.get("access_key") or os.environ.get("AWS_ACCESS_KEY_ID"),
        aws_secret_access_key=options.get("secret_key") or os.environ.get("AWS_SECRET_ACCESS_KEY"),
    )


def s3_bucket_ensure(options: dict) -> None:
    """Create the bucket the options name, once per process, if it does not exist."""
    key = (options.get("endpoint_url"), options["bucket_name"])
    if key in _ensured:
        return
    client = s3_client(options)
    try:
        client.head_bucket(Bucket=options["bucket_name"])
    except client.exceptions.ClientError:
        try:
            client.create_bucket(
                Bucket=options["bucket_name"],
                CreateBucketConfiguration={
                    "LocationConstraint": options.get("region_name") or "eu-west-2"
                },
            )
        except client.exceptions.BucketAlreadyOwnedByYou:
            pass  # another xdist worker made it first
    _ensured.add(key)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def moto_server_start():
    """A moto S3 server in a thread of this process, on a free loopback port; returns
    (server, endpoint URL). The caller stops it."""
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    return server, f"http://127.0.0.1:{port}"
