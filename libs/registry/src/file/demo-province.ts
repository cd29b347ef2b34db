import { join } from 'node:path';

/**
 * The demo province (Đảng bộ tỉnh Bắc Ninh under the Politburo, on the 2025 tree) as a registry file, imported on
 * first start like any customer's file.
 */
export const DEMO_PROVINCE_FILE = join(__dirname, '..', '..', 'data', 'demo-province.json');
