"""The command line words the core's typed errors: each with what to type next, which the
library's own messages leave out."""

from __future__ import annotations

import pytest
from conftest import fails

import navsome


@pytest.fixture
def navsome_run(request):
    """The command line in-process (conftest's `navsome`; here `navsome` is the library)."""
    return request.getfixturevalue("navsome")


def test_a_missing_registry_names_the_option_and_the_variable(navsome_run, tmp_path):
    missing = tmp_path / "gone.toml"
    fails(
        navsome_run("--registry", str(missing), "list"),
        1,
        f"{missing}: no such file; check the path given by --registry or NAVSOME_REGISTRY",
    )
    with pytest.raises(navsome.RegistryProblems) as error:  # the library names no option
        navsome.load(missing)
    assert str(error.value) == f"{missing}: no such file; check the path"


def test_a_registry_over_the_limit_names_the_variable_that_raises_it(navsome_run):
    result = navsome_run("list", env={"NAVSOME_MAX_REGISTRY_MB": "0.001"})
    fails(result, 1, "more than a registry should be; set NAVSOME_MAX_REGISTRY_MB to read it")


def test_an_unknown_channel_lists_the_accounts_channels(navsome_run, registry_copy):
    result = navsome_run(
        "--registry", str(registry_copy), "record", "jobblyst/twitter", "followers", "1",
        "--as-of", "2018", "--source", "nav-some-2017",
    )  # fmt: skip
    fails(result, 2, "jobblyst has no channel on 'twitter'; its channels: jobblyst/facebook,")


def test_a_conflict_is_worded_in_the_chosen_language_of_numbers(navsome_run, registry_copy):
    args = ["record", "nav/linkedin", "followers", "28000", "--as-of", "2018"]
    result = navsome_run("--registry", str(registry_copy), "--lang", "nb", *args,
                         "--source", "nav-some-2017")  # fmt: skip
    # In Norwegian: the words and the numbers.
    fails(result, 1, "følgere 27 000 per 2018; bruk --replace for å erstatte det med 28 000")
