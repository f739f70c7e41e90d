import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestUser, signIn as signInThroughApi } from '../src/server/testing/test-users.js';
import { todayInKazakhstan } from '../src/shared/kazakhstan-calendar.js';
import { formatDate } from '../src/web/components/formatting.js';
import { useBrowserAgainstTestServer } from './browser-harness.js';

const { testServer, openPage, signInWithEnrolment } = useBrowserAgainstTestServer();

const shelterName = 'Приют для лиц, пострадавших от торговли людьми, Алматы';

async function openCase(page: Page, caseId: string, code: string): Promise<void> {
  await page.goto(`${testServer().url}/cases/${caseId}`);
  await page.getByRole('heading', { name: `Дело ${code}`, level: 1 }).waitFor();
}

/** The page announces each saved change in its status line. */
async function noticeShown(page: Page, text: string): Promise<void> {
  await page.locator('p[role="status"]').filter({ hasText: text }).waitFor();
}

/** A section of the case page by its own heading (a table inside may carry the same name). */
function section(page: Page, heading: string, level: 2 | 3 = 2): Locator {
  return page.locator(`section:has(> h${level}:text-is("${heading}"))`);
}

async function currentStep(page: Page): Promise<string> {
  return page.getByRole('list', { name: 'Этапы' }).locator('[aria-current="step"]').innerText();
}

/** A day counted from today in Kazakhstan, the calendar the server refuses future dates by. */
function daysFromToday(days: number): string {
  const date = new Date(`${todayInKazakhstan()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function organizationId(code: string): Promise<string> {
  return (await testServer().database.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

describe('the case page', () => {
  it('takes a police referral through screening, identification by an NGO, a shelter placement, services and closure, then reopens it', async () => {
    const { app, database } = testServer();
    const korgauId = await organizationId('NGO-KORGAU-ASTANA');
    const police = await signInThroughApi(app, await createTestUser(database, { organizationCode: 'MIA', roles: ['first_responder'], regionCodes: ['KZ-AST'] }));
    const intake = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: police.headers(),
      payload: {
        referralSource: 'police',
        meetingContext: 'raid',
        firstContactDate: daysFromToday(-2),
        regionCode: 'KZ-AST',
        sex: 'female',
        ageYears: 24,
        ageBasis: 'declared',
        citizenship: 'KAZ',
        circumstances: 'Найдена при рейде в сауне; говорит, что паспорт у владельца.',
        consents: [
          { scope: 'processing', given: true, method: 'written' },
          { scope: 'referral', organizationId: korgauId, given: true, method: 'written' },
        ],
        referral: { toOrganizationId: korgauId, serviceTypes: ['psychological', 'legal'], reason: 'Идентификация и поддержка' },
      },
    });
    expect(intake.statusCode, intake.body).toBe(201);
    const { id: caseId, code } = intake.json<{ id: string; code: string }>();

    // The NGO takes the police referral and works the case on its page.
    const korgau = await openPage('/sign-in');
    await signInWithEnrolment(korgau, await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
    await openCase(korgau, caseId, code);
    expect(await currentStep(korgau)).toBe('Скрининг');
    await section(korgau, 'Направление в вашу организацию', 3).getByRole('button', { name: 'Принять направление' }).click();
    await noticeShown(korgau, 'Направление принято.');

    const screening = section(korgau, 'Скрининг');
    for (const indicator of [/^Обман о характере работы/, /^Обман об условиях труда/, /^Чрезмерная продолжительность/, /^Низкая заработная плата/, /^Изъятие или удержание документов/, /^Изоляция/]) {
      await screening.getByRole('group', { name: indicator }).getByRole('radio', { name: 'Да' }).check();
    }
    await screening.getByRole('button', { name: 'Записать скрининг' }).click();
    await noticeShown(korgau, 'Скрининг записан');
    const latest = screening.getByRole('article', { name: /^Последний скрининг/ });
    await expect.poll(() => latest.innerText()).toContain('вероятная жертва торговли людьми');
    expect(await latest.innerText()).toContain('Эксплуатация: положительно (1 сильных, 1 средних, 0 слабых)');
    expect(await currentStep(korgau)).toBe('Идентификация');

    const identification = section(korgau, 'Идентификация');
    // An identification names a form of exploitation: the server's refusal shows beside the field.
    await identification.getByLabel('Обоснование').fill('Положительны вербовка с обманом, эксплуатация и принуждение; паспорт удерживался.');
    await identification.getByRole('button', { name: 'Записать решение' }).click();
    await identification.getByRole('alert').getByRole('link', { name: 'При идентификации укажите хотя бы одну форму эксплуатации.' }).waitFor();
    await identification.getByRole('checkbox', { name: 'трудовая эксплуатация' }).check();
    await identification.getByLabel('Характер').selectOption({ label: 'Внутренняя торговля людьми' });
    await identification.getByRole('checkbox', { name: 'удерживает документы' }).check();
    await identification.getByRole('button', { name: 'Записать решение' }).click();
    await noticeShown(korgau, 'Решение записано.');
    // Korgau accepted the police referral, so the case moves on to assistance.
    await expect.poll(() => currentStep(korgau)).toBe('Помощь');
    // A further decision can only review this one.
    await identification.getByRole('heading', { name: 'Пересмотреть решение об идентификации' }).waitFor();

    // The person agreed to be referred to Korgau only: the shelter needs a consent of its own first.
    const referrals = section(korgau, 'Направления');
    await referrals.getByLabel('Регион').selectOption('KZ-ALA');
    await referrals.getByLabel('Оказываемая услуга').selectOption({ label: 'Социально-бытовые' });
    const shelterChoice = referrals.getByRole('radio', { name: new RegExp(`^${shelterName}`) });
    await shelterChoice.check();
    await referrals.getByRole('checkbox', { name: 'Социально-бытовые' }).check();
    await referrals.getByLabel('Причина направления').fill('Безопасное жильё на время восстановления');
    await referrals.getByRole('checkbox', { name: 'Нужно место в приюте или кризисном центре' }).check();
    await referrals.getByRole('button', { name: 'Отправить направление' }).click();
    const refusal = referrals.getByRole('alert');
    await refusal.getByRole('heading', { name: 'Не сохранено' }).waitFor();
    expect(await refusal.innerText()).toContain('Лицо не давало согласия на направление в эту организацию');

    const consents = section(korgau, 'Согласия');
    await consents.getByLabel('Согласие на').selectOption({ label: 'Направление к поставщикам услуг' });
    await consents.getByLabel('Организация', { exact: true }).selectOption({ label: shelterName });
    await consents.getByRole('button', { name: 'Записать согласие' }).click();
    await noticeShown(korgau, 'Согласие записано.');
    await referrals.getByRole('button', { name: 'Отправить направление' }).click();
    await noticeShown(korgau, 'Направление отправлено.');
    await expect.poll(() => referrals.getByRole('table', { name: 'Направления' }).innerText()).toContain('Ожидает ответа');

    // The shelter accepts, places her and delivers the service.
    const shelter = await openPage('/sign-in');
    await signInWithEnrolment(shelter, await createTestUser(database, { organizationCode: 'SHELTER-ALA', roles: ['service_provider'] }));
    await openCase(shelter, caseId, code);
    await section(shelter, 'Направление в вашу организацию', 3).getByLabel('Размещение с').fill(daysFromToday(0));
    await section(shelter, 'Направление в вашу организацию', 3).getByRole('button', { name: 'Принять направление' }).click();
    await noticeShown(shelter, 'Направление принято.');
    const plan = section(shelter, 'План помощи');
    await plan.getByLabel('Услуга', { exact: true }).selectOption({ label: 'Социально-бытовые' });
    await plan.getByLabel('Поставщик', { exact: true }).selectOption({ label: shelterName });
    await plan.getByLabel('Состояние', { exact: true }).selectOption({ label: 'Оказывается' });
    await plan.getByLabel('Запланирована с').fill(daysFromToday(0));
    await plan.getByRole('button', { name: 'Добавить услугу' }).click();
    await noticeShown(shelter, 'Услуга добавлена: Социально-бытовые.');
    await plan.getByLabel('Состояние: Социально-бытовые').selectOption({ label: 'Оказана' });
    await plan.getByRole('form', { name: 'Состояние услуги: Социально-бытовые' }).getByRole('button', { name: 'Сохранить' }).click();
    await noticeShown(shelter, 'Социально-бытовые: Оказана.');

    // Korgau closes the case once every service is delivered.
    await korgau.reload();
    await korgau.getByRole('heading', { name: `Дело ${code}`, level: 1 }).waitFor();
    expect(await currentStep(korgau)).toBe('Закрытие');
    const closure = section(korgau, 'Закрытие и сопровождение');
    await closure.getByLabel('Результат').selectOption({ label: 'Реинтегрирован' });
    await closure.getByRole('checkbox', { name: 'Оставить на сопровождении после закрытия' }).uncheck();
    await closure.getByRole('button', { name: 'Закрыть дело' }).click();
    await noticeShown(korgau, 'Дело закрыто.');
    await expect.poll(() => korgau.getByRole('list', { name: 'Отметки дела' }).innerText()).toContain('Закрыто');
    const timeline = section(korgau, 'Хронология');
    await expect.poll(() => timeline.innerText()).toContain('Дело закрыто');
    const events = await timeline.getByRole('listitem').allInnerTexts();
    expect(events[0]).toContain('Дело закрыто');
    expect(events.join('\n')).toContain('Принято решение об идентификации');
    expect(events.at(-1)).toContain('Дело зарегистрировано');

    // She comes back after a new job offer abroad: the case reopens as a new episode, flagged.
    await closure.getByLabel('Почему дело открывается вновь').fill('Вернулась после нового предложения работы за рубежом');
    await closure.getByRole('button', { name: 'Открыть дело вновь' }).click();
    await noticeShown(korgau, 'Дело открыто вновь.');
    const marks = korgau.getByRole('list', { name: 'Отметки дела' });
    await expect.poll(() => marks.innerText()).toContain('Возможна повторная торговля людьми');
    expect(await marks.innerText()).toContain('Открыто');
  });

  it('shows a foreign child’s reflection period and missing guardian, and records the guardian', async () => {
    const { app, database } = testServer();
    const recorder = await signInThroughApi(app, await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] }));
    const worker = await createTestUser(database, { organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'] });
    const firstContact = daysFromToday(-5);
    const intake = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: recorder.headers(),
      payload: {
        referralSource: 'ngo_outreach',
        meetingContext: 'street_outreach',
        firstContactDate: firstContact,
        regionCode: 'KZ-AST',
        sex: 'male',
        ageYears: 15,
        ageBasis: 'documented',
        citizenship: 'UZB',
        identity: {
          names: [{ given: 'Алишер', family: 'Каримов' }],
          citizenships: ['UZB'],
          documents: [{ type: 'passport', number: 'FA1234567', heldBy: 'withheld' }],
          addresses: [{ kind: 'home_country', text: 'Самарканд' }],
        },
        consents: [{ scope: 'processing', given: true, method: 'oral' }],
      },
    });
    expect(intake.statusCode, intake.body).toBe(201);
    const { id: caseId, code } = intake.json<{ id: string; code: string }>();
    // A child's case is seen only by the workers named on it.
    const named = await app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/workers`, headers: recorder.headers(), payload: { email: worker.email } });
    expect(named.statusCode, named.body).toBe(201);

    const page = await openPage('/sign-in');
    await signInWithEnrolment(page, worker);
    await openCase(page, caseId, code);
    const badges = await page.getByRole('list', { name: 'Отметки дела' }).innerText();
    expect(badges).toContain('Ребёнок');
    expect(badges).toContain('Иностранец или лицо без гражданства');
    // The country by its name, not its ISO code.
    expect(await page.locator('main').innerText()).toContain('гражданство: Узбекистан');

    const detail = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: recorder.headers() });
    const migration = detail.json<{ migration: { reflectionEndsOn: string; reflectionDaysLeft: number } }>().migration;
    expect(migration.reflectionEndsOn).toBe(daysFromToday(25));
    const reflectionEnd = formatDate(migration.reflectionEndsOn, 'ru');
    const due = section(page, 'Что дальше');
    const dueText = await due.innerText();
    expect(dueText).toContain(`Окончание периода размышления — заканчивается ${reflectionEnd}`);
    expect(dueText).toContain(`осталось дней: ${migration.reflectionDaysLeft}`);
    expect(dueText).toContain('Законный представитель ребёнка');
    expect(await section(page, 'Иностранный гражданин или лицо без гражданства').innerText()).toContain(`заканчивается ${reflectionEnd} (30 дн.)`);

    const child = section(page, 'Защита ребёнка');
    await child.getByLabel('Законный представитель', { exact: true }).selectOption({ label: 'Орган опеки и попечительства' });
    await child.getByLabel('Дата оценки наилучших интересов').fill(daysFromToday(0));
    await child.getByLabel('Итоги оценки').fill('Возвращение в семью пока небезопасно; нужен центр адаптации.');
    await child.getByRole('button', { name: 'Сохранить защиту ребёнка' }).click();
    await noticeShown(page, 'Защита ребёнка сохранена.');
    await expect.poll(() => due.innerText()).not.toContain('Законный представитель ребёнка');
    expect(await child.innerText()).toContain('Орган опеки и попечительства');
    await expect.poll(() => section(page, 'Хронология').innerText()).toContain('Защита ребёнка обновлена');

    // The identity is kept apart: it opens only with a purpose, which goes to the audit trail.
    const identity = section(page, 'Личные данные и сводка');
    expect(await identity.innerText()).not.toContain('Каримов');
    await identity.getByRole('button', { name: 'Показать личные данные' }).click();
    await identity.getByRole('alert').getByRole('link', { name: 'Укажите, зачем нужны личные данные (не менее 5 символов).' }).waitFor();
    await identity.getByLabel('Цель').fill('Запрос в орган опеки');
    await identity.getByRole('button', { name: 'Показать личные данные' }).click();
    await expect.poll(() => identity.innerText()).toContain('Каримов Алишер (Основное имя; Со слов)');
    // Who holds the passport is what the worker acts on, in words, not the stored code.
    const shown = await identity.innerText();
    expect(shown).toContain('Паспорт FA1234567 (Удерживает работодатель или торговец людьми)');
    expect(shown).toContain('Адрес в стране происхождения: Самарканд');
    expect(shown).not.toContain('withheld');
    const reads = await database.db.selectFrom('audit_events').select('purpose').where('actor_user_id', '=', worker.id).where('action', '=', 'person.identity_read').execute();
    expect(reads.map((read) => read.purpose)).toEqual(['Запрос в орган опеки']);

    const summaryLink = await identity.getByRole('link', { name: 'Сводка PDF без личных данных' }).getAttribute('href');
    const summary = await page.request.get(`${testServer().url}${summaryLink ?? ''}`);
    expect(summary.status()).toBe(200);
    expect((await summary.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The whole page reads in Kazakh and English too, with no untranslated key left showing.
    for (const [language, heading] of [['Қазақша', `${code} ісі`], ['English', `Case ${code}`]] as const) {
      await page.getByRole('button', { name: language, exact: true }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(/caseView\./);
    }
  });
});
