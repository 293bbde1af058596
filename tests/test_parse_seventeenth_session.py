"""Seventeenth session (issue 13): a preprint cited by its server (the server is its container, as
the dev golds and CSL have it). Strings of the development corpus's shapes."""

from __future__ import annotations

from bibkaz.parse import parse_reference


def test_a_preprint_servers_name_is_the_container():
    r = parse_reference("J. Kaplan et al., Scaling laws for neural language models. arXiv [Preprint] (2020). "
                        "https://doi.org/10.48550/arXiv.2001.08361")
    assert (r.container_title, r.type, r.title) == ("arXiv", "article", "Scaling laws for neural language models")
    r = parse_reference("Brooks, C., Eggert, S., and Peskoff, D. (2024). The rise of AI-generated content in "
                        "wikipedia. Preprint at arXiv. https://doi.org/10.48550/arXiv. 2410.08044.")
    assert r.container_title == "arXiv"
    # the server with its number, as the model left it, is the server alone
    r = parse_reference("Robinson-Garcia, N., Costas, R., & van Leeuwen, T. N. (2019). Indicators of Open Access "
                        "for universities. ArXiv, 1906.03840. https://arxiv.org/abs/1906.03840")
    assert r.container_title == "ArXiv"
    # "Preprint at" an address of the server, with the zero-width spaces a PDF put inside it
    r = parse_reference("Peng, S. et al. The impact of AI on developer productivity: Evidence from Github copilot. "
                        "Preprint at https://\u200barXiv.\u200borg/\u200b2302.\u200b06590 (2023).")
    assert r.container_title == "arXiv"


def test_a_server_only_in_the_address_or_beside_a_journal_is_no_container():
    # only the address names arXiv: nothing the words say
    r = parse_reference("Bengtsson, H. (2020). A unifying framework for parallel and distributed processing in R "
                        "using futures. https://arxiv.org/abs/2008.00553")
    assert r.container_title == ""
    # a journal the paper appeared in stays its container
    r = parse_reference("Dirk A. Zetzsche et al., “Decentralized Finance,” Journal of Financial Regulation, vol. 6 "
                        "(September 30, 2020), p. 183, https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3539194.")
    assert r.container_title == "Journal of Financial Regulation"


def test_an_abbreviated_containers_first_word_is_not_the_titles_last():
    r = parse_reference("Atkinson, G. M., and S. I. Kaka (2007). Relationships between Felt Intensity and Instrumental "
                        "Ground Motion in the Central United States and California, Bull. Seism. Soc. Am., 97, 497- 510.")
    assert (r.title, r.container_title) == (
        "Relationships between Felt Intensity and Instrumental Ground Motion in the Central United States and California",
        "Bull. Seism. Soc. Am.")
    r = parse_reference("Motazedian, D., and G. M. Atkinson (2005). Ground-motion relations for Puerto Rico, Geol. Soc. "
                        "Am. Special Papers 385, 61-80.")
    assert (r.title, r.container_title) == ("Ground-motion relations for Puerto Rico", "Geol. Soc. Am. Special Papers")


def test_a_titles_own_last_word_stays():
    # a container with no abbreviation keeps the title whole
    r = parse_reference("Smith, J. (2019). Water rights in the West, Part II. Journal of Water Law, 12(3), 1-20.")
    assert "Journal of Water Law" in r.container_title and not r.container_title.startswith("Part")
