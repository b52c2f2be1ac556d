-- Reference lists that administrators extend without a code change. The application's own tables are
-- named MINYI_*; the engine owns ACT_*.
CREATE TABLE minyi_category (
    code        VARCHAR(40)  NOT NULL PRIMARY KEY,
    name        VARCHAR(60)  NOT NULL UNIQUE,
    sort_order  INTEGER      NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE
);

INSERT INTO minyi_category (code, name, sort_order) VALUES
    ('economy', '经济', 10),
    ('urban', '城建城管', 20),
    ('science-education-culture-health-sports', '科教文卫体', 30),
    ('agriculture-forestry-water', '农林水利', 40),
    ('government-administration', '政府管理', 50),
    ('laws-regulations', '法律法规', 60),
    ('social-livelihood', '社会民生', 70),
    ('ecology-environment', '生态环境', 80),
    ('major-events', '重大事件', 90);

CREATE TABLE minyi_source_type (
    code        VARCHAR(40)  NOT NULL PRIMARY KEY,
    name        VARCHAR(60)  NOT NULL UNIQUE,
    sort_order  INTEGER      NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE
);

INSERT INTO minyi_source_type (code, name, sort_order) VALUES
    ('member', '委员', 10),
    ('special-committee', '专委会', 20),
    ('participating-unit', '参加单位', 30),
    ('info-section', '信息科', 40),
    ('info-officer', '民情信息员', 50),
    ('reporting-station', '民情直报站点', 60),
    ('lower-cppcc', '下级政协', 70);
