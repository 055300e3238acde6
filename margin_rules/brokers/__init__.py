"""Broker adapters (a shell: I/O allowed). Each maps a broker's account data to the core and reconciles with it."""
