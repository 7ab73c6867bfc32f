/**
 * Which FSRS parameters the scheduler uses: fitted ones, or FSRS's defaults. Kept apart from the
 * settings module because only the settings page changes them, and every page, a study session
 * included, loads that module.
 */
import type { StudyDatabase } from '$lib/db/db';
import type { SettingsRow, StudySettings } from '$lib/db/rows';
import { DEFAULT_SETTINGS, saveSettings, type NumberSetting } from '$lib/db/settings';

/**
 * Puts fitted FSRS parameters in use (or, with `undefined`, FSRS's defaults) and keeps the ones
 * they replace for "Back to the previous parameters".
 */
export async function saveParameters(db: StudyDatabase, parameters: number[] | undefined): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const {
			parameters: previous,
			previousParameters: _older,
			...rest
		} = (await db.settings.get('study')) ?? { id: 'study', ...DEFAULT_SETTINGS };
		const row: SettingsRow = { ...rest, id: 'study', previousParameters: previous ?? [] };
		if (parameters) row.parameters = parameters;
		await db.settings.put(row);
	});
}

/** Saves the study limits typed in, keeping the parameters saved since the form was read. */
export async function saveLimits(db: StudyDatabase, limits: Pick<StudySettings, NumberSetting>): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const { id: _id, ...saved } = (await db.settings.get('study')) ?? { id: 'study', ...DEFAULT_SETTINGS };
		await saveSettings(db, { ...saved, ...limits });
	});
}
