# -*- Python -*-
# Runs LutFold's GoogleTest binaries (names ending in "Tests") under lit, so
# that check-lutfold covers the unit tests too.

import os

import lit.formats

config.name = "LUTFOLD-Unit"
config.suffixes = []
config.test_source_root = config.lutfold_unittests_dir
config.test_exec_root = config.test_source_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
