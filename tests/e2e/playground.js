// Drives the Microsoft 365 Agents Playground (the local Teams client) in headless Chromium, step by
// step, taking a screenshot after each step. Run by tests/e2e/test_playground.py, which starts the
// bot and the Playground first:
//
//   node tests/e2e/playground.js <playground url> <screenshot folder>
//
// Prints one line per step ("ok <step> <ms> <screenshot>"), or "FAIL <step>: <reason>" and exits 1.
// Add a scenario by adding an entry to STEPS; each step starts where the previous one ended.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const BOT = 'ZVH-assistent'; // the bot's name in tests/e2e/playground.yml
const WAIT_MS = 10000;
// Time for a late, unwanted answer to show up before we count the bot's messages.
const SETTLE_MS = 500;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Keep Chromium off the network: only the Playground on this machine answers (PLAYGROUND.md).
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1)[:/]/;

const STEPS = [
  {
    name: 'welkom',
    async run(ui) {
      await ui.waitForCard('Welkom bij de ZVH-assistent');
      await ui.waitForCard('Noem geen namen of BSN');
    },
  },
  {
    name: 'criteria-check-met-knoppen',
    async run(ui) {
      await ui.click('Criteria check', 'Die bepaalt het Veiligheidshuis en welke criteria gelden');
      await ui.send('Sittard', 'Criterium A van 4');
      await ui.click('Ja', 'Criterium B van 4');
      await ui.click('Ja', 'Criterium C van 4');
      await ui.click('Ja', 'Deze casus past bij het Veiligheidshuis');
      await ui.waitForCard('Opschalingsmodel: niveau 3');
      await ui.waitForCard('Aanmelden bij: Zorg- en Veiligheidshuis Westelijke Mijnstreek');
    },
  },
  {
    name: 'aanmelding-via-kaartformulier',
    async run(ui) {
      // The outcome's button starts the form with the gemeente of the check filled in.
      await ui.click('Aanmelden', 'Aanmelding bij het Zorg- en Veiligheidshuis');
      const form = ui.page.locator('.ac-adaptiveCard', { hasText: 'Aanmelding bij het Zorg- en Veiligheidshuis' }).last();
      const gemeente = await form.getByLabel('Gemeente van de betrokkene').inputValue();
      if (gemeente !== 'Sittard-Geleen') throw new Error(`gemeente not pre-filled: "${gemeente}"`);
      await form.getByLabel('Jouw organisatie').fill('Wijkteam Sittard-Geleen');
      await form.getByLabel('Jouw telefoonnummer (werk)').fill('06-12345678');
      await ui.pick(form, 'Doelgroep', 'Multiproblematiek (incl. OGGZ en overlast)');
      await form.getByLabel('Initialen van de betrokkene').fill('A.B.');
      await form.getByLabel('Geboortejaar van de betrokkene').fill('1984');
      await ui.choose(form, 'Gezin met minderjarige kinderen?', 'Nee');
      await ui.pick(form, 'financieel', '2 – niet zelfredzaam');
      await ui.pick(form, 'wonen', '1 – acute problematiek');
      await form.getByLabel('Situatie: wat speelt er?').fill('Overlast in de straat, schulden en geen dagbesteding; zorgen over verwaarlozing.');
      await form.getByLabel('Welke partners zijn al betrokken?').fill('Wijkteam, schuldhulpverlening');
      await form.getByLabel('Waarom lukt het niet in de reguliere samenwerking?').fill('Partners komen niet tot één plan.');
      await ui.choose(form, 'Is de betrokkene geïnformeerd over de aanmelding?', 'Ja');
      await ui.choose(form, 'Urgentie', 'Regulier');
      await ui.expectCard('Controleer je aanmelding', () => form.getByRole('button', { name: 'Naar samenvatting' }).click());
      await ui.waitForCard('A.B.');
      await ui.click('Bevestigen', 'Aanmelding ontvangen: ZVH-WM-');
      await ui.send('mijn aanmeldingen', 'Mijn aanmeldingen');
      await ui.waitForCard('ontvangen');
    },
  },
  {
    name: 'help-getypt',
    async run(ui) {
      await ui.send('help', 'Waarmee kan ik helpen?');
    },
  },
  {
    name: 'signaal-melden',
    async run(ui) {
      await ui.send('signaal', 'Eerst dit: is iemand op dit moment in gevaar?');
      await ui.click('Nee', 'Waar gaat je zorg over?');
      await ui.click('Verward of onbegrepen gedrag', 'In welke gemeente speelt dit?');
      await ui.send('Roermond', 'Waar meld je dit');
      await ui.waitForCard('0800-1205');
    },
  },
  {
    name: 'woordenlijst-vraag',
    async run(ui) {
      await ui.send('wat betekent oggz?', 'OGGZ – Openbare Geestelijke Gezondheidszorg');
    },
  },
  {
    name: 'groepsgesprek-alleen-met-vermelding',
    async run(ui) {
      await ui.openChat('Wijkteam Noord');
      await ui.silentThenAnswersMention('help');
    },
  },
  {
    name: 'kanaal-alleen-met-vermelding',
    async run(ui) {
      await ui.openChat('Casusoverleg', { channel: true });
      // Every post in a channel is a conversation of its own, and the Playground marks every
      // activity en-US: a bare "help" there rightly gets English. A Dutch question gets Dutch.
      await ui.silentThenAnswersMention('wat kun je allemaal');
    },
  },
];

class Ui {
  constructor(page) {
    this.page = page;
    this.channel = false; // a channel has posts ("Post") instead of a chat's compose box ("Send Message")
  }

  /** Poll `check` until it is true, or fail saying what we were waiting for. */
  async until(check, what) {
    const deadline = Date.now() + WAIT_MS;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** How many cards in view contain `text`. */
  async cardsWith(text) {
    return this.page.locator('.ac-adaptiveCard', { hasText: text }).count();
  }

  async waitForCard(text) {
    await this.until(async () => (await this.cardsWith(text)) > 0, `a card with "${text}"`);
  }

  /** How many messages the bot has sent so far (all chats), counted in the Playground's log panel,
   *  which logs each one as "User Application -> Microsoft 365 Agents Playground message 201". */
  async sentByBot() {
    const text = await this.page.locator('body').innerText();
    return (text.match(/User Application\s*\S*>\s*Microsoft 365 Agents Playground\s+message\b/g) || []).length;
  }

  /** Do `action`, then wait for one more card containing `reply` than before. */
  async expectCard(reply, action) {
    const before = await this.cardsWith(reply);
    await action();
    await this.until(async () => (await this.cardsWith(reply)) > before, `a new card with "${reply}"`);
  }

  /** Click a button on the newest card that has it, and wait for the reply. */
  async click(title, reply) {
    const button = this.page.getByRole('button', { name: title, exact: true });
    const card = this.page.locator('.ac-adaptiveCard').filter({ has: button }).last();
    await this.expectCard(reply, () => card.getByRole('button', { name: title, exact: true }).click());
  }

  /** Pick `option` in the dropdown (compact choice set) labelled `label`: the Playground renders it
   *  as a Fluent combobox whose options open in a popup, not as a native <select>. */
  async pick(card, label, option) {
    await card.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Pick `option` in the expanded choice set (radio buttons) labelled `label` on `card`. */
  async choose(card, label, option) {
    await card.getByRole('radiogroup', { name: label }).getByRole('radio', { name: option, exact: true }).check();
  }

  /** Type a message (optionally @mentioning the bot first), send it, and wait for a reply card if given. */
  async send(text, reply, { mention = false } = {}) {
    const typeAndSend = async () => {
      // In a channel the first editor starts a new post; in a chat there is only the compose box.
      await this.page.locator('[data-lexical-editor="true"][role="textbox"]').first().click();
      if (mention) {
        // The mention picker opens on "@" plus a few letters; choosing the bot makes a real mention.
        await this.page.keyboard.type(`@${BOT.slice(0, 3)}`);
        await this.page.getByRole('menuitem', { name: BOT }).click({ timeout: WAIT_MS });
        await this.page.keyboard.type(' ');
      }
      await this.page.keyboard.type(text);
      const accepted = this.page.waitForResponse((r) => r.request().method() === 'POST' && /\/messages$/.test(r.url()));
      await this.page.getByRole('button', { name: this.channel ? 'Post' : 'Send Message', exact: true }).click();
      await accepted; // the Playground has the message (it answers before the bot's turn ends)
    };
    if (reply) await this.expectCard(reply, typeAndSend);
    else await typeAndSend();
  }

  /** Open a chat or channel from the left rail and wait for the bot's welcome there. */
  async openChat(name, { channel = false } = {}) {
    const before = await this.sentByBot();
    await this.page.getByRole('treeitem', { name: new RegExp(name) }).click();
    this.channel = channel;
    await this.until(async () => (await this.sentByBot()) > before, `the welcome in ${name}`);
    await this.waitForCard('Welkom bij de ZVH-assistent');
  }

  /** In a group chat or channel: `text` without a mention gets no answer; with one, the help card.
   *  Like Teams (without resource-specific consent), the Playground does not even pass a message
   *  without a mention on to the bot; bot/handler.py's own check is in tests/dialogs/test_root.py. */
  async silentThenAnswersMention(text) {
    const before = await this.sentByBot();
    await this.send(text);
    await this.send(text, 'Waarmee kan ik helpen?', { mention: true });
    await this.page.waitForTimeout(SETTLE_MS);
    const sent = (await this.sentByBot()) - before;
    if (sent !== 1) throw new Error(`expected only the answer to the mention, but the bot sent ${sent} messages`);
  }
}

async function main() {
  const [url, folder] = process.argv.slice(2);
  if (!url || !folder) throw new Error('usage: node playground.js <playground url> <screenshot folder>');
  fs.mkdirSync(folder, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let failed = false;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1100 }, locale: 'nl-NL' });
    // The UI asks a CDN for fonts and scripts: refuse at once instead of waiting for a timeout.
    await context.route((u) => !LOOPBACK.test(u.toString()), (route) => route.abort());
    const page = await context.newPage();
    await page.goto(url);
    await page.getByText('Connected.').first().waitFor({ timeout: 20000 });
    const ui = new Ui(page);
    for (const [index, step] of STEPS.entries()) {
      const start = Date.now();
      const shot = path.join(folder, `${String(index + 1).padStart(2, '0')}-${step.name}.png`);
      try {
        await step.run(ui);
        await page.waitForTimeout(300); // let the card finish rendering for the screenshot
        await page.screenshot({ path: shot });
        console.log(`ok ${step.name} ${Date.now() - start}ms ${shot}`);
      } catch (error) {
        await page.screenshot({ path: shot.replace(/\.png$/, '-FAIL.png') }).catch(() => {});
        console.log(`FAIL ${step.name}: ${error.message.split('\n')[0]}`);
        failed = true;
        break;
      }
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.log(`FAIL setup: ${error.message.split('\n')[0]}`);
  process.exit(1);
});
