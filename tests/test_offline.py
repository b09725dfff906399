"""The test suite runs offline: any connection beyond the loopback interface is refused."""

from __future__ import annotations

import socket

import pytest
import pytest_socket

import newsstruct


def test_connecting_out_is_refused() -> None:
    with pytest.warns(UserWarning, match="192.0.2.1"), \
            pytest.raises(pytest_socket.SocketConnectBlockedError), \
            socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed


def test_parsing_needs_no_network() -> None:
    article = newsstruct.parse_article("Headline Here\n\nThe minister spoke on Monday.",
                                       reference_date="2025-09-06")
    assert article.segments
