import type { StudyDatabase } from './db';
import type { SettingsRow, StudySettings } from './rows';

export const DEFAULT_SETTINGS: StudySettings = {
	newPerDay: 20,
	maxReviewsPerDay: 200,
	retention: 0.9,
	rolloverHour: 4
};

/** The settings the student types in; the fitted parameters are set by the optimiser only. */
export type NumberSetting = Exclude<keyof StudySettings, 'parameters'>;

export const SETTING_LIMITS: Record<NumberSetting, { min: number; max: number; step: number }> = {
	newPerDay: { min: 0, max: 9999, step: 1 },
	maxReviewsPerDay: { min: 0, max: 9999, step: 1 },
	retention: { min: 0.7, max: 0.99, step: 0.01 },
	rolloverHour: { min: 0, max: 23, step: 1 }
};

export async function readSettings(
	db: StudyDatabase
): Promise<StudySettings & Pick<SettingsRow, 'previousParameters'>> {
	const row = await db.settings.get('study');
	if (!row) return { ...DEFAULT_SETTINGS };
	const { id: _id, ...settings } = row;
	return { ...DEFAULT_SETTINGS, ...settings };
}

/** Problems with a proposed change, one message per bad field; empty when it can be saved. */
export function settingsProblems(settings: StudySettings): string[] {
	const problems: string[] = [];
	for (const [name, { min, max, step }] of Object.entries(SETTING_LIMITS) as [
		NumberSetting,
		(typeof SETTING_LIMITS)[NumberSetting]
	][]) {
		const value = settings[name];
		if (!Number.isFinite(value) || value < min || value > max)
			problems.push(`${name} must be between ${min} and ${max}`);
		else if (step === 1 && !Number.isInteger(value)) problems.push(`${name} must be a whole number`);
	}
	return problems;
}

export async function saveSettings(db: StudyDatabase, settings: StudySettings): Promise<void> {
	const problems = settingsProblems(settings);
	if (problems.length > 0) throw new Error(problems.join('; '));
	const row: SettingsRow = { id: 'study', ...settings };
	await db.settings.put(row);
}
