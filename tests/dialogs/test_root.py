"""Routing and interruptions, through the real bot on SQL state (TestAdapter, Teams-shaped).

Turns covered: welcome on conversationUpdate; help/menu/?; the fallback; safety words first;
"annuleren" ending a flow; "help" inside a flow resuming it; group chats (mention, per-user state);
language from locale and from the words written.
"""

from __future__ import annotations

from botbuilder.schema import Activity, ActivityTypes, ChannelAccount

from dialogs import cards, messages
from dialogs.i18n import Teksten
from tests.conftest import Gesprek, buttons, card_of, seen_text, teams_activity, vermelding

NL = Teksten("nl")
EN = Teksten("en")


def _members_added(*ids: str, conversation_type: str = "personal") -> Activity:
    activity = teams_activity(None, conversation_type=conversation_type)
    activity.type = ActivityTypes.conversation_update
    activity.text = None
    activity.members_added = [ChannelAccount(id=i) for i in ids]
    return activity


class TestWelkom:
    async def test_bot_added_in_personal_chat_sends_welcome_card_with_four_buttons(self, gesprek: Gesprek):
        replies = await gesprek.send(_members_added("bot-1"))
        assert len(replies) == 1
        tekst = seen_text(replies[0])
        assert messages.WELKOM_TITEL in tekst
        assert messages.PRIVACY_REGEL in tekst
        assert [data for _, data in buttons(replies[0])] == [
            {cards.ACTIE: actie, cards.TAAL: "nl"}
            for actie in ("criteria_check", "aanmelden", "signaal", "woordenlijst")
        ]

    async def test_user_added_in_personal_chat_is_welcomed_once(self, gesprek: Gesprek):
        replies = await gesprek.send(_members_added("user-1", "bot-1"))
        assert len(replies) == 1

    async def test_colleague_joining_a_channel_triggers_no_card(self, gesprek: Gesprek):
        assert await gesprek.send(_members_added("user-7", conversation_type="channel")) == []

    async def test_a_null_member_is_ignored(self, gesprek: Gesprek):
        activity = _members_added("bot-1")
        activity.members_added = [None, *activity.members_added]
        replies = await gesprek.send(activity)
        assert messages.WELKOM_TITEL in seen_text(replies[0])

    async def test_english_client_gets_english_welcome(self, gesprek: Gesprek):
        activity = _members_added("bot-1")
        activity.locale = "en-US"
        replies = await gesprek.send(activity)
        assert EN(messages.WELKOM_TITEL) in seen_text(replies[0])
        assert EN(messages.WELKOM_TITEL) != messages.WELKOM_TITEL


class TestHulpEnFallback:
    async def test_help_words_show_the_help_card(self, gesprek: Gesprek):
        for woord in ("help", "menu", "?", "Hulp"):
            replies = await gesprek.send(woord)
            assert len(replies) == 1, woord
            assert messages.HULP_TITEL in seen_text(replies[0]), woord

    async def test_unknown_text_gets_the_fallback_with_a_next_step(self, gesprek: Gesprek):
        replies = await gesprek.send("de kat van de buren zit in de boom")
        assert len(replies) == 1
        tekst = seen_text(replies[0])
        assert messages.NIET_BEGREPEN in tekst
        assert len(buttons(replies[0])) == 4

    async def test_stop_with_nothing_running_says_so(self, gesprek: Gesprek):
        replies = await gesprek.send("annuleren")
        assert [r.text for r in replies] == [messages.NIETS_TE_STOPPEN]

    async def test_every_menu_button_leads_somewhere(self, gesprek: Gesprek):
        for actie in ("criteria_check", "aanmelden", "signaal", "woordenlijst", "mijn_aanmeldingen"):
            await gesprek.send("annuleren")
            replies = await gesprek.click({cards.ACTIE: actie})
            assert replies and messages.NIET_BEGREPEN not in seen_text(replies[-1]), actie

    async def test_attachment_without_text_gets_a_clear_answer(self, gesprek: Gesprek):
        replies = await gesprek.send(teams_activity(None))
        assert [r.text for r in replies] == [messages.ALLEEN_TEKST]


def is_acuut_card(reply: Activity) -> bool:
    """The 112 card itself (not the 112 line that welcome and help cards also carry)."""
    card = card_of(reply)
    return bool(card) and card["body"][0]["text"] == NL(messages.ACUUT_TITEL, nummer="112")


class TestVeiligheidEerst:
    async def test_weapon_mention_gets_112_as_the_first_reply(self, gesprek: Gesprek):
        replies = await gesprek.send("mijn cliënt loopt met een mes over straat")
        assert is_acuut_card(replies[0])
        assert len(replies) == 1

    async def test_112_comes_before_the_intent_it_also_contains(self, gesprek: Gesprek):
        replies = await gesprek.send("moet ik dit aanmelden, hij heeft een mes")
        assert is_acuut_card(replies[0])
        assert messages.CHECK_INTRO in seen_text(replies[1])

    async def test_suicide_intent_gets_112_first_and_113_on_the_same_card(self, gesprek: Gesprek):
        replies = await gesprek.send("mijn cliënt heeft zelfmoordgedachten")
        assert is_acuut_card(replies[0])
        assert "Bel 113" in seen_text(replies[0])

    async def test_danger_at_the_end_of_a_long_message_is_not_missed(self, gesprek: Gesprek):
        replies = await gesprek.send("Lange inleiding over de situatie thuis. " * 30 + "Nu dreigt hij met zelfmoord.")
        assert is_acuut_card(replies[0])

    async def test_112_inside_a_flow_then_the_question_again(self, gesprek: Gesprek):
        await gesprek.send("check")
        await gesprek.send("weet ik niet")
        replies = await gesprek.send("ze heeft een pistool")
        assert is_acuut_card(replies[0])
        assert replies[1].text == messages.GA_VERDER
        assert NL(messages.CHECK_VRAAG_KOP, code="A", aantal=4) in seen_text(replies[2])


class TestOnderbrekingen:
    async def test_annuleren_ends_the_flow_and_the_next_answer_is_not_taken_as_one(self, gesprek: Gesprek):
        await gesprek.send("check")
        await gesprek.send("weet ik niet")
        replies = await gesprek.send("annuleren")
        assert [r.text for r in replies] == [messages.GESTOPT]
        replies = await gesprek.send("ja")
        assert messages.NIET_BEGREPEN in seen_text(replies[0])

    async def test_opnieuw_and_typo_also_stop(self, gesprek: Gesprek):
        for woord in ("opnieuw", "anuleren", "Stop"):
            await gesprek.send("check")
            await gesprek.send("weet ik niet")
            replies = await gesprek.send(woord)
            assert [r.text for r in replies] == [messages.GESTOPT], woord

    async def test_help_inside_a_flow_shows_help_and_resumes_at_the_same_question(self, gesprek: Gesprek):
        await gesprek.send("check")
        await gesprek.send("weet ik niet")
        await gesprek.send("ja")  # A
        replies = await gesprek.send("help")
        assert messages.HULP_TITEL in seen_text(replies[0])
        assert replies[1].text == messages.GA_VERDER
        assert NL(messages.CHECK_VRAAG_KOP, code="B", aantal=4) in seen_text(replies[2])
        replies = await gesprek.send("ja")  # B is answered, not lost
        assert NL(messages.CHECK_VRAAG_KOP, code="C", aantal=4) in seen_text(replies[0])

    async def test_menu_button_inside_a_flow_shows_help_and_resumes(self, gesprek: Gesprek):
        await gesprek.send("check")
        await gesprek.send("weet ik niet")
        await gesprek.send("ja")
        replies = await gesprek.click({cards.ACTIE: "hulp", cards.TAAL: "nl"})
        assert messages.HULP_TITEL in seen_text(replies[0])
        assert NL(messages.CHECK_VRAAG_KOP, code="B", aantal=4) in seen_text(replies[2])

    async def test_menu_click_inside_a_flow_restarts_that_capability(self, gesprek: Gesprek):
        await gesprek.send("check")
        await gesprek.send("weet ik niet")
        await gesprek.send("ja")
        replies = await gesprek.click({cards.ACTIE: "criteria_check"})
        assert messages.CHECK_GEMEENTE_VRAAG in seen_text(replies[-1])  # begun afresh


class TestGroepsgesprek:
    async def test_without_mention_the_bot_stays_silent(self, gesprek: Gesprek):
        assert await gesprek.send("help", conversation_type="groupChat") == []

    async def test_mention_is_stripped_and_answered(self, gesprek: Gesprek):
        activity = teams_activity("<at>ZVH-assistent</at> help", conversation_type="groupChat")
        activity.entities = [vermelding("<at>ZVH-assistent</at>")]
        replies = await gesprek.send(activity)
        assert messages.HULP_TITEL in seen_text(replies[0])

    async def test_each_member_has_their_own_flow(self, gesprek: Gesprek):
        def zeg(tekst: str, user: str) -> Activity:
            activity = teams_activity(f"<at>ZVH-assistent</at> {tekst}", conversation_type="channel", user_id=user)
            activity.entities = [vermelding("<at>ZVH-assistent</at>")]
            return activity

        await gesprek.send(zeg("check", "anna"))
        await gesprek.send(zeg("weet ik niet", "anna"))
        replies = await gesprek.send(zeg("ja", "bram"))
        assert messages.NIET_BEGREPEN in seen_text(replies[0])  # Bram has no flow running
        replies = await gesprek.send(zeg("ja", "anna"))
        assert NL(messages.CHECK_VRAAG_KOP, code="B", aantal=4) in seen_text(replies[0])

    async def test_only_a_mention_gets_the_help_card(self, gesprek: Gesprek):
        activity = teams_activity("<at>ZVH-assistent</at>", conversation_type="groupChat")
        activity.entities = [vermelding("<at>ZVH-assistent</at>")]
        replies = await gesprek.send(activity)
        assert messages.HULP_TITEL in seen_text(replies[0])

    async def test_mention_without_mentioned_or_with_regex_characters_in_the_name(self, gesprek: Gesprek):
        """SDK: remove_recipient_mention raises KeyError without "mentioned" and treats the bot's
        name as a regular expression; our stripping does neither."""
        from botbuilder.schema import Entity

        kapot = Entity(type="mention")
        kapot.additional_properties = {"text": "<at>iemand</at>"}
        activity = teams_activity("<at>ZVH (test)+</at> help", conversation_type="groupChat")
        activity.entities = [kapot, vermelding("<at>ZVH (test)+</at>")]
        replies = await gesprek.send(activity)
        assert messages.HULP_TITEL in seen_text(replies[0])

    async def test_card_click_in_a_group_chat_needs_novermelding(self, gesprek: Gesprek):
        replies = await gesprek.click({cards.ACTIE: "hulp"}, conversation_type="groupChat")
        assert messages.HULP_TITEL in seen_text(replies[0])


class TestTaal:
    async def test_english_locale_gets_english(self, gesprek: Gesprek):
        replies = await gesprek.send("help", locale="en-US")
        assert EN(messages.HULP_TITEL) in seen_text(replies[0])

    async def test_english_words_get_english_on_a_dutch_client(self, gesprek: Gesprek):
        replies = await gesprek.send("what can you do?", locale="nl-NL")
        assert EN(messages.HULP_TITEL) in seen_text(replies[0])

    async def test_dutch_words_get_dutch_on_an_english_client(self, gesprek: Gesprek):
        replies = await gesprek.send("moet ik dit aanmelden?", locale="en-US")
        assert messages.CHECK_INTRO in seen_text(replies[0])

    async def test_the_chosen_language_sticks_for_short_answers(self, gesprek: Gesprek):
        await gesprek.send("check the criteria")
        await gesprek.send("don't know")
        replies = await gesprek.send("ok")  # no language of its own: stays English
        assert EN(messages.KIES_OPNIEUW, opties="Yes, No, Don't know or Why do you ask?") in seen_text(replies[0])

    async def test_a_one_word_english_answer_does_not_switch_a_dutch_conversation(self, gesprek: Gesprek):
        await gesprek.send("moet ik dit aanmelden?")
        await gesprek.send("weet ik niet")
        replies = await gesprek.send("yes")
        assert NL(messages.CHECK_VRAAG_KOP, code="B", aantal=4) in seen_text(replies[0])

    async def test_a_click_on_a_dutch_card_stays_dutch_on_an_english_client(self, gesprek: Gesprek):
        """The Agents Playground greets without a locale (Dutch) and then sends clicks as en-US."""
        welkom = _members_added("bot-1")
        welkom.locale = None
        replies = await gesprek.send(welkom)
        replies = await gesprek.press(replies[0], messages.KNOP_CHECK, locale="en-US")
        assert replies[0].text == messages.CHECK_INTRO
        replies = await gesprek.press(replies[1], messages.KNOP_WEET_IK_NIET, locale="en-US")
        replies = await gesprek.press(replies[0], messages.JA, locale="en-US")
        assert NL(messages.CHECK_VRAAG_KOP, code="B", aantal=4) in seen_text(replies[0])

    async def test_an_english_sentence_switches_and_the_cards_follow(self, gesprek: Gesprek):
        await gesprek.send("moet ik dit aanmelden?")
        await gesprek.send("weet ik niet")
        replies = await gesprek.send("why do you ask this?")
        assert EN(messages.CHECK_UITLEG_KOP) in seen_text(replies[0])
        assert [t for t, _ in buttons(replies[1])][0] == "Yes"



class TestOverleggen:
    async def test_which_overleg_for_a_doelgroep_in_a_gemeente(self, gesprek: Gesprek):
        replies = await gesprek.send("welk overleg is er voor jeugd in Maastricht?")
        tekst = seen_text(replies[0])
        assert messages.OVERLEG_KOP in tekst
        assert "Netwerkoverleg Risicojeugd" in tekst
        assert "Jaarverslag 2019 Veiligheidshuis Maastricht Heuvelland" in tekst

    async def test_a_house_without_overleggen_in_the_sources_says_so(self, gesprek: Gesprek):
        replies = await gesprek.send("welke overleggen zijn er in Heerlen?")
        assert NL(messages.OVERLEG_GEEN, voor="") in seen_text(replies[0])
