#!/usr/bin/env python3
"""Writes the two realistic aSc exports next to this script (run it again after changing it; the files are committed).

ab-weeks.xml  — ascttversion 2012: 5-day week, weeks A/B and all weeks, two terms, 16 classes, joint lectures for two
                classes with two teachers and two rooms, a lesson of periodspercard=2 exported as two cards, cards
                without a room, cards of the second term only.
six-days.xml  — ascttversion 2024: 6-day week, one week, classes divided into subgroups by divisiontag (and a second
                division for languages), whole-class groups, a Saturday practice with two teachers.
Names are invented.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SURNAMES = ["Абрамова", "Белов", "Воронина", "Гусев", "Данилова", "Ежов", "Жукова", "Зайцев", "Ильина", "Комаров", "Лебедева",
            "Макаров", "Новикова", "Орлов", "Павлова", "Родионов", "Соколова", "Тихонов", "Ушакова", "Фролов", "Харитонова",
            "Цветков", "Чернова", "Шарапов", "Щукина", "Юдин", "Яковлева", "Баранов", "Виноградова", "Голубев"]
INITIALS = ["А.В.", "Б.Г.", "В.Д.", "Г.Е.", "Д.Ж.", "Е.З.", "Ж.И.", "З.К.", "И.Л.", "К.М."]


def table(name, columns, rows):
    out = [f' <{name} options="canadd,export:silent" columns="{columns}">']
    out += ["  " + row for row in rows]
    out.append(f" </{name}>")
    return out


def teachers(n):
    rows = []
    for t in range(n):
        last, ini = SURNAMES[t % len(SURNAMES)], INITIALS[t % len(INITIALS)]
        rows.append(f'<teacher id="T{t:02d}" name="{last} {ini}" short="{last[:4]}{ini[0]}" gender="F" color="#4A90D9" email="" '
                    f'mobile="" partner_id="" firstname="{ini}" lastname="{last}"/>')
    return rows


PAIRS = [("8:30", "10:00"), ("10:10", "11:40"), ("12:10", "13:40"), ("13:50", "15:20"), ("15:30", "17:00")]


def periods():
    return [f'<period period="{p + 1}" name="{p + 1} пара" short="{p + 1}" starttime="{s}" endtime="{e}"/>' for p, (s, e) in enumerate(PAIRS)]


def day_mask(day, days):
    return "0" * day + "1" + "0" * (days - 1 - day)


def ab_weeks():
    classes, days = 16, 5
    subjects = [("ОП.01", "Основы программирования"), ("ОП.02", "Операционные системы"), ("ОП.03", "Компьютерные сети"),
                ("ОГСЭ.03", "Иностранный язык"), ("ЕН.01", "Элементы высшей математики"), ("ОГСЭ.04", "Физическая культура"),
                ("МДК.01.01", "Разработка программных модулей"), ("МДК.01.02", "Поддержка и тестирование"),
                ("ОП.04", "Экономика отрасли"), ("ОП.05", "Правовое обеспечение"), ("ЕН.02", "Дискретная математика"),
                ("ОП.06", "Безопасность жизнедеятельности")]
    lessons, cards = [], []
    ref = 'daysdefid="DX" weeksdefid="{w}" termsdefid="{t}" seminargroup="" capacity="*" partner_id=""'
    for c in range(classes):
        cid, room = f"C{c:02d}", f"R{c:02d}"
        # six subjects taught every week in pairs 1-3, a two-pair practicum on Thursday, A/B subjects, a second-term subject
        for k in range(6):
            lessons.append(f'<lesson id="L{c:02d}_{k}" subjectid="S{(c + k) % 6:02d}" classids="{cid}" groupids="G{c:02d}" '
                           f'teacherids="T{(c * 3 + k) % 30:02d}" classroomids="{room}" periodspercard="1" periodsperweek="2.5" '
                           + ref.format(w="WALL", t="YALL") + "/>")
        lessons.append(f'<lesson id="L{c:02d}_P" subjectid="S06" classids="{cid}" groupids="G{c:02d}" teacherids="T{(c + 7) % 30:02d}" '
                       f'classroomids="{room}" periodspercard="2" periodsperweek="2.0" ' + ref.format(w="WALL", t="YALL") + "/>")
        lessons.append(f'<lesson id="L{c:02d}_A" subjectid="S07" classids="{cid}" groupids="G{c:02d}" teacherids="T{(c + 11) % 30:02d}" '
                       f'classroomids="{room}" periodspercard="1" periodsperweek="1.0" ' + ref.format(w="WANY", t="YALL") + "/>")
        lessons.append(f'<lesson id="L{c:02d}_B" subjectid="S08" classids="{cid}" groupids="G{c:02d}" teacherids="T{(c + 13) % 30:02d}" '
                       f'classroomids="{room}" periodspercard="1" periodsperweek="1.0" ' + ref.format(w="WANY", t="YALL") + "/>")
        lessons.append(f'<lesson id="L{c:02d}_T2" subjectid="S09" classids="{cid}" groupids="G{c:02d}" teacherids="T{(c + 17) % 30:02d}" '
                       f'classroomids="" periodspercard="1" periodsperweek="1.0" ' + ref.format(w="WALL", t="YANY") + "/>")
        for d in range(days):
            for p in (1, 2, 3):
                if d == 3 and p in (2, 3):
                    lesson = f"L{c:02d}_P"  # periodspercard=2: two cards, one per bell
                else:
                    lesson = f"L{c:02d}_{(d * 3 + p) % 6}"
                rooms = "" if (d == 4 and p == 3) else room  # a card without a room
                cards.append(f'<card lessonid="{lesson}" period="{p}" days="{day_mask(d, days)}" weeks="11" terms="11" classroomids="{rooms}"/>')
        for d in (0, 2):
            cards.append(f'<card lessonid="L{c:02d}_A" period="4" days="{day_mask(d, days)}" weeks="10" terms="11" classroomids="{room}"/>')
            cards.append(f'<card lessonid="L{c:02d}_B" period="4" days="{day_mask(d, days)}" weeks="01" terms="11" classroomids="{room}"/>')
        cards.append(f'<card lessonid="L{c:02d}_T2" period="4" days="{day_mask(4, days)}" weeks="11" terms="01" classroomids=""/>')
    for j in range(classes // 2):
        # a joint lecture: two classes, two teachers, held in two rooms at once
        a, b = 2 * j, 2 * j + 1
        lessons.append(f'<lesson id="LJ{j}" subjectid="S10" classids="C{a:02d},C{b:02d}" groupids="G{a:02d},G{b:02d}" '
                       f'teacherids="T{(j * 2) % 30:02d},T{(j * 2 + 1) % 30:02d}" classroomids="R{a:02d},R{b:02d}" periodspercard="1" '
                       f'periodsperweek="1.0" ' + ref.format(w="WALL", t="YALL") + "/>")
        cards.append(f'<card lessonid="LJ{j}" period="5" days="{day_mask(1, days)}" weeks="11" terms="11" classroomids="R{a:02d},R{b:02d}"/>')
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<timetable ascttversion="2012.6.4" importtype="database" defaultexport="1" displayname="aSc Timetables 2012 XML" '
           'displaycountries="" options="export:idprefix:%CHRID,import:idprefix:%TEMPID,groupstype1,decimalseparatordot">']
    out += table("periods", "period,name,short,starttime,endtime", periods())
    out += table("daysdefs", "id,days,name,short", ['<daysdef id="DX" days="10000,01000,00100,00010,00001" name="Любой день" short="X"/>',
                                                     '<daysdef id="DALL" days="11111" name="Каждый день" short="E"/>'])
    out += table("weeksdefs", "id,weeks,name,short", ['<weeksdef id="WALL" weeks="11" name="Все недели" short="Все"/>',
                                                       '<weeksdef id="WA" weeks="10" name="Неделя А" short="А"/>',
                                                       '<weeksdef id="WB" weeks="01" name="Неделя Б" short="Б"/>',
                                                       '<weeksdef id="WANY" weeks="10,01" name="Любая неделя" short="X"/>'])
    out += table("termsdefs", "id,terms,name,short", ['<termsdef id="YALL" terms="11" name="Весь год" short="Год"/>',
                                                       '<termsdef id="Y1" terms="10" name="1 семестр" short="1С"/>',
                                                       '<termsdef id="Y2" terms="01" name="2 семестр" short="2С"/>',
                                                       '<termsdef id="YANY" terms="10,01" name="Любой семестр" short="X"/>'])
    out += table("subjects", "id,name,short,partner_id",
                 [f'<subject id="S{i:02d}" name="{code} {name}" short="{code.replace(".", "")}" partner_id=""/>' for i, (code, name) in enumerate(subjects)])
    out += table("teachers", "id,name,short,gender,color,email,mobile,partner_id,firstname,lastname", teachers(30))
    out += [' <buildings options="canadd,export:silent" columns="id,name,partner_id"/>']
    out += table("classrooms", "id,name,short,capacity,buildingid,partner_id",
                 [f'<classroom id="R{r:02d}" name="Аудитория {201 + r}" short="{201 + r}" capacity="30" buildingid="*" partner_id=""/>' for r in range(classes)])
    out += table("classes", "id,name,short,classroomids,teacherid,grade,partner_id",
                 [f'<class id="C{c:02d}" name="ИСП-2{c // 4 + 1}{c % 4 + 1} Информационные системы" short="ИСП-2{c // 4 + 1}{c % 4 + 1}" '
                  f'classroomids="R{c:02d}" teacherid="T{c:02d}" grade="" partner_id=""/>' for c in range(classes)])
    out += table("groups", "id,classid,name,entireclass,divisiontag,studentcount,studentids",
                 [f'<group id="G{c:02d}" classid="C{c:02d}" name="Вся группа" entireclass="1" divisiontag="0" studentcount="25" studentids=""/>'
                  for c in range(classes)])
    out += table("lessons", "id,subjectid,classids,groupids,teacherids,classroomids,periodspercard,periodsperweek,daysdefid,weeksdefid,"
                            "termsdefid,seminargroup,capacity,partner_id", lessons)
    out += table("cards", "lessonid,period,days,weeks,terms,classroomids", cards)
    out.append("</timetable>")
    return out


def six_days():
    classes, days = 14, 6
    subjects = [("ОУП.01", "Русский язык"), ("ОУП.02", "Литература"), ("ОУП.04", "Математика"), ("ОУП.05", "История"),
                ("ОУП.06", "Физическая культура"), ("ОУП.07", "Основы безопасности"), ("ОП.01", "Инженерная графика"),
                ("ОП.02", "Техническая механика"), ("ОУП.03", "Иностранный язык"), ("УП.01", "Учебная практика")]
    lessons, cards, groups = [], [], []
    for c in range(classes):
        cid, languages = f"K{c:02d}", c % 2 == 0
        groups.append(f'<group id="K{c:02d}W" classid="{cid}" name="Вся группа" entireclass="1" divisiontag="0" studentcount="" studentids=""/>')
        groups.append(f'<group id="K{c:02d}S1" classid="{cid}" name="1 подгруппа" entireclass="0" divisiontag="1" studentcount="" studentids=""/>')
        groups.append(f'<group id="K{c:02d}S2" classid="{cid}" name="2 подгруппа" entireclass="0" divisiontag="1" studentcount="" studentids=""/>')
        if languages:
            groups.append(f'<group id="K{c:02d}EN" classid="{cid}" name="Английский" entireclass="0" divisiontag="2" studentcount="" studentids=""/>')
            groups.append(f'<group id="K{c:02d}DE" classid="{cid}" name="Немецкий" entireclass="0" divisiontag="2" studentcount="" studentids=""/>')
        ref = 'daysdefid="DANY" weeksdefid="W1" termsdefid="Y1" seminargroup="" capacity="*" partner_id=""'
        for k in range(6):
            room = "" if k == 4 else f"A{(c + k) % 20:02d}"  # physical education: no room
            lessons.append(f'<lesson id="M{c:02d}_{k}" subjectid="U{k:02d}" classids="{cid}" groupids="K{c:02d}W" teacherids="P{(c + k) % 25:02d}" '
                           f'classroomids="{room}" periodspercard="1" periodsperweek="2.0" {ref}/>')
        for s in (1, 2):
            lessons.append(f'<lesson id="M{c:02d}_S{s}" subjectid="U{5 + s:02d}" classids="{cid}" groupids="K{c:02d}S{s}" '
                           f'teacherids="P{(c + 6 + s) % 25:02d}" classroomids="L{s}" periodspercard="1" periodsperweek="5.0" {ref}/>')
        if languages:
            for lang, t in (("EN", 20), ("DE", 21)):
                lessons.append(f'<lesson id="M{c:02d}_{lang}" subjectid="U08" classids="{cid}" groupids="K{c:02d}{lang}" teacherids="P{t}" '
                               f'classroomids="A1{t - 20}" periodspercard="1" periodsperweek="1.0" {ref}/>')
        for d in range(days):
            for p in (1, 2):
                k = (d * 2 + p) % 6
                rooms = "" if k == 4 else f"A{(c + k) % 20:02d}"
                cards.append(f'<card lessonid="M{c:02d}_{k}" period="{p}" days="{day_mask(d, days)}" weeks="1" terms="1" classroomids="{rooms}"/>')
            if d < 5:
                for s in (1, 2):  # two subgroups of one division share the bell
                    cards.append(f'<card lessonid="M{c:02d}_S{s}" period="3" days="{day_mask(d, days)}" weeks="1" terms="1" classroomids="L{s}"/>')
            elif languages:
                for lang, t in (("EN", 20), ("DE", 21)):
                    cards.append(f'<card lessonid="M{c:02d}_{lang}" period="3" days="{day_mask(d, days)}" weeks="1" terms="1" classroomids="A1{t - 20}"/>')
    # Saturday practice of pair 4 for the first four classes: two masters at once
    for c in range(4):
        lessons.append(f'<lesson id="M{c:02d}_PR" subjectid="U09" classids="K{c:02d}" groupids="K{c:02d}W" teacherids="P22,P23" classroomids="" '
                       f'periodspercard="1" periodsperweek="1.0" daysdefid="DSAT" weeksdefid="W1" termsdefid="Y1" seminargroup="" capacity="*" partner_id=""/>')
        cards.append(f'<card lessonid="M{c:02d}_PR" period="4" days="000001" weeks="1" terms="1" classroomids=""/>')
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<timetable ascttversion="2024.12.1" importtype="database" defaultexport="1" displayname="aSc Timetables 2012 XML" '
           'displaycountries="" options="export:idprefix:%CHRID,import:idprefix:%TEMPID,groupstype1,decimalseparatordot">']
    out += table("periods", "period,name,short,starttime,endtime", periods())
    out += table("daysdefs", "id,days,name,short", ['<daysdef id="DANY" days="100000,010000,001000,000100,000010,000001" name="Любой день" short="X"/>',
                                                     '<daysdef id="DSAT" days="000001" name="Суббота" short="Сб"/>'])
    out += table("weeksdefs", "id,weeks,name,short", ['<weeksdef id="W1" weeks="1" name="Все недели" short="Все"/>'])
    out += table("termsdefs", "id,terms,name,short", ['<termsdef id="Y1" terms="1" name="Весь год" short="Год"/>'])
    out += table("subjects", "id,name,short,partner_id",
                 [f'<subject id="U{i:02d}" name="{code} {name}" short="{code.replace(".", "")}" partner_id=""/>' for i, (code, name) in enumerate(subjects)])
    out += table("teachers", "id,name,short,gender,color,email,mobile,partner_id,firstname,lastname",
                 [row.replace('id="T', 'id="P') for row in teachers(25)])
    out += table("buildings", "id,name,partner_id", ['<building id="B1" name="Учебный корпус" partner_id=""/>'])
    rooms = [f'<classroom id="A{r:02d}" name="Кабинет {301 + r}" short="{301 + r}" capacity="*" buildingid="B1" partner_id=""/>' for r in range(20)]
    rooms += ['<classroom id="L1" name="Лаборатория 1" short="Лаб1" capacity="15" buildingid="B1" partner_id=""/>',
              '<classroom id="L2" name="Лаборатория 2" short="Лаб2" capacity="15" buildingid="B1" partner_id=""/>']
    out += table("classrooms", "id,name,short,capacity,buildingid,partner_id", rooms)
    out += table("classes", "id,name,short,classroomids,teacherid,grade,partner_id",
                 [f'<class id="K{c:02d}" name="Сварочное производство {c + 1}" short="СВ-{c + 1:02d}" classroomids="" teacherid="P{c:02d}" grade="1" '
                  f'partner_id=""/>' for c in range(classes)])
    out += table("groups", "id,classid,name,entireclass,divisiontag,studentcount,studentids", groups)
    out += table("lessons", "id,subjectid,classids,groupids,teacherids,classroomids,periodspercard,periodsperweek,daysdefid,weeksdefid,"
                            "termsdefid,seminargroup,capacity,partner_id", lessons)
    out += table("cards", "lessonid,period,days,weeks,terms,classroomids", cards)
    out.append("</timetable>")
    return out


for name, lines in (("ab-weeks.xml", ab_weeks()), ("six-days.xml", six_days())):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
